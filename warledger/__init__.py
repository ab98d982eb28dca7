"""warledger: news text about the war -> an evidence-backed ledger of incidents and casualty claims."""

"""Claims read from parts of a figure, from who the claimant is, and from figures that only round another: the
children among a toll, the missing, a monitor's figures that name no people, a belligerent's own losses, and a
standfirst that rounds the body's figure. Sentences written for these tests."""

from __future__ import annotations

from tests.extract.test_claims_more import claims_of, one
from warledger import pipeline


def test_children_among_a_toll_are_a_claim_of_their_own() -> None:
    claims = claims_of(
        "The UN human rights office says at least 13,300 civilians were killed in Ukraine between February 2022 and "
        "the end of May 2025, including more than 700 children."
    )
    children = one(claims, min=700)
    assert (children.side, children.population, children.metric, children.qualifier) == (
        "Ukraine", "civilian", "killed", "more than")
    assert (children.period_start, children.period_end) == ("2022-02", "2025-05")


def test_a_part_in_the_next_sentence_counts_only_after_a_claim() -> None:
    monthly = "At least 158 civilians were killed in Ukraine in October, the UN human rights office said. "
    part = "Among those killed were at least 16 children, the office said."
    children = one(claims_of(monthly + part), min=16)
    assert (children.metric, children.population, children.side) == ("killed", "civilian", "Ukraine")
    assert not [c for c in claims_of(part) if c.min == 16], "16 alone is no aggregate"


def test_the_same_period_makes_a_small_figure_part_of_the_total() -> None:
    total = "Ukraine's General Staff said Russian losses in the Kherson direction had reached 12,400 since June. "
    part = "It said 950 Russian servicemen had been killed in that period."
    assert one(claims_of(total + part), min=950).metric == "killed"
    assert not [c for c in claims_of(part) if c.min == 950]


def test_the_missing_listed_registered_or_still_missing() -> None:
    claims = claims_of(
        "Shelling hit Kharkiv again overnight. The National Police say more than 2,000 children are still listed as "
        "missing. A commissioner said more than 60,000 people, soldiers and civilians, were registered as missing. "
        "A volunteer project, Names of the Fallen, says it has identified 78,000 Ukrainian soldiers killed and "
        "lists about 70,000 more as missing."
    )
    children = one(claims, min=2_000)
    assert (children.metric, children.population, children.side) == ("missing", "civilian", "Ukraine")
    assert one(claims, min=60_000).metric == "missing"
    soldiers = one(claims, min=70_000)
    assert (soldiers.metric, soldiers.qualifier, soldiers.side) == ("missing", "about", "Ukraine")


def test_the_injury_of_is_injured() -> None:
    claims = claims_of(
        "Between 24 February 2022 and 30 April 2025, the UN mission verified the deaths of 13,100 civilians in "
        "Ukraine and the injury of 31,000."
    )
    assert one(claims, min=31_000).metric == "injured"
    assert one(claims, min=13_100).metric == "killed"


def test_a_monitor_of_civilians_counts_civilians_when_no_people_are_named() -> None:
    claims = claims_of("That is up from 1,570 killed and 8,730 injured last year, the UN human rights office said.")
    assert {(c.side, c.population, c.metric) for c in claims} == {
        ("Ukraine", "civilian", "killed"), ("Ukraine", "civilian", "injured")}


def test_a_count_of_one_armys_dead_is_that_army() -> None:
    claims = claims_of(
        "Mediazona has confirmed the names of at least 111,000 servicemen who have died since February 2022."
    )
    dead = one(claims, min=111_000)
    assert (dead.side, dead.population, dead.metric, dead.qualifier) == ("Russia", "military", "killed", "at least")


def test_a_belligerent_states_its_own_losses_unless_it_did_the_killing() -> None:
    own = claims_of("In September 2022 Russia's defence ministry said 5,937 servicemen had been killed.")
    assert one(own, min=5_937).side == "Russia"
    minister = claims_of("The last official number, 5,937 dead, was given by then-Defence Minister Sergei Shoigu.")
    assert (one(minister, min=5_937).side, one(minister, min=5_937).claimant) == ("Russia",
                                                                                  "Russian Ministry of Defence")
    inflicted = claims_of("Russia's defence ministry said its forces had killed 5,200 servicemen since June.")
    assert one(inflicted, min=5_200).side != "Russia"


def test_a_president_putting_the_number_at_gives_his_sides_losses() -> None:
    claims = claims_of(
        "Western officials estimate that 150,000 Russian soldiers have been killed. President Volodymyr Zelensky "
        "put the number at 43,000 in December."
    )
    figure = one(claims, min=43_000)
    assert (figure.side, figure.population, figure.metric) == ("Ukraine", "military", "killed")


def test_their_casualties_are_the_side_named_before() -> None:
    claims = claims_of(
        "If Russian forces kept attacking at this rate, their casualties would pass one million by the end of the "
        "year, a senior NATO official said."
    )
    assert (one(claims, min=1_000_000).side, one(claims, min=1_000_000).population) == ("Russia", "military")


def test_a_standfirst_that_rounds_the_body_figure_is_not_a_second_claim() -> None:
    claims = claims_of(
        "Mediazona and the BBC Russian Service have identified 71,560 Russian servicemen killed since February 2022.",
        standfirst="More than 71,000 Russian soldiers confirmed dead by name.",
    )
    assert [(c.min, c.claimant) for c in claims] == [(71_560, "Mediazona")]


def test_a_body_for_prisoners_of_war_is_a_speaker() -> None:
    claims = claims_of(
        "Kyiv's coordination headquarters for prisoners of war says Russia holds about 8,000 Ukrainians in captivity."
    )
    held = one(claims, min=8_000)
    assert (held.metric, held.claimant) == ("captured", "Kyiv's coordination headquarters for prisoners of war")


def test_a_described_anaphor_and_a_speaker_that_insists_or_acknowledged() -> None:
    claims = claims_of(
        "The Center for Strategic and International Studies published its study on Tuesday. The Washington-based "
        "think-tank estimated that between 280,000 and 330,000 Russian soldiers had been killed since February 2022. "
        "Russia's defence ministry insists that Ukraine has lost more than 1.5 million servicemen killed and wounded. "
        "Russia has not published its own figures since September 2022, when it acknowledged 5,937 deaths."
    )
    assert one(claims, min=280_000).claimant == "CSIS"
    assert one(claims, min=1_500_000).claimant == "Russian Ministry of Defence"
    acknowledged = one(claims, min=5_937)
    assert (acknowledged.claimant, acknowledged.side) == ("Russia", "Russia")


def test_a_tally_that_identified_soldiers_by_name_counts_the_dead() -> None:
    claims = claims_of("A tally by Mediazona has identified at least 160,000 Russian soldiers by name.")
    assert (one(claims, min=160_000).metric, one(claims, min=160_000).claimant) == ("killed", "Mediazona")


def test_the_publication_speaking_as_we_is_the_claimant() -> None:
    claims = claims_of(
        "Our model estimates that between 850,000 and 1.2 million Russian soldiers have been killed or wounded. Of "
        "those, we reckon that between 190,000 and 350,000 have died.",
        standfirst="The Economist's latest estimate is grim",
    )
    assert {c.claimant for c in claims} == {"Economist"}


def test_a_named_body_described_in_an_aside_and_a_titled_speaker_at_the_end() -> None:
    claims = claims_of(
        "Lost Defenders, a volunteer project in Kyiv, has recorded the names of 91,200 Ukrainian soldiers killed. "
        "More than 70,000 people are listed as missing, Artur Dobroserdov, the commissioner for missing persons, "
        "said on Thursday. Russia is holding about 8,000 Ukrainians, the coordination headquarters says."
    )
    assert one(claims, min=91_200).claimant == "Lost Defenders"
    assert one(claims, min=70_000).claimant == "Artur Dobroserdov"
    assert one(claims, min=8_000).metric == "captured"


def test_troops_of_both_armies_and_a_side_that_itself_lost() -> None:
    claims = claims_of(
        "A US intelligence assessment estimates that nearly 500,000 Russian and Ukrainian troops have been killed or "
        "wounded. Ukraine's General Staff said Russia had itself lost 45,720 troops killed and wounded in November."
    )
    assert one(claims, min=500_000).side == "both"
    assert one(claims, min=45_720).side == "Russia"


def test_parts_of_the_dead_and_a_pronoun_that_verified() -> None:
    claims = claims_of(
        "As of 30 April, the UN human rights office had verified that at least 14,620 civilians had been killed "
        "in Ukraine since 24 February 2022. Of the dead, 726 were children, and more than 2,200 children had been "
        "injured. In 2024 as a whole, it verified 2,088 civilian deaths. His previous update, in February 2025, put "
        "the toll at 46,000."
    )
    total = one(claims, min=14_620)
    assert (total.period_start, total.period_end) == ("2022-02-24", "2025-04-30")
    children = one(claims, min=726)
    assert (children.metric, children.population, children.claimant) == ("killed", "civilian", "OHCHR")
    assert one(claims, min=2_200).metric == "injured"
    assert one(claims, min=2_088).claimant == "OHCHR"
    assert one(claims, min=46_000).metric == "killed"


def test_when_a_figure_was_stated_ends_its_period() -> None:
    claims = claims_of(
        "The head of Estonia's military intelligence said in May that about 250,000 Russian soldiers had been "
        "killed. Russia's defence ministry has not updated its figure since September 2022, when it said 5,937 "
        "soldiers had been killed. The UN human rights office recorded 158 civilian deaths in April, up from "
        "March, when it recorded 127 civilian deaths. Belousov said Ukrainian losses so far this year had "
        "exceeded 530,000."
    )
    assert one(claims, min=250_000).period_end == "2025-05"
    assert (one(claims, min=5_937).period_start, one(claims, min=5_937).period_end) == (None, "2022-09")
    assert one(claims, min=127).period_start == "2025-03", "a month recorded in is the tally's period"
    assert (one(claims, min=530_000).period_start, one(claims, min=530_000).period_end) == ("2025-01", "2025-06-18")


def test_a_standfirst_rounding_by_the_same_claimant_is_not_a_second_claim() -> None:
    claims = claims_of(
        "Russia's personnel losses have reached 1,243,560 since February 2022, Ukraine's General Staff said.",
        standfirst="General Staff: Russia's personnel losses pass 1.24 million",
    )
    assert [c.min for c in claims] == [1_243_560]



def test_the_date_a_figure_was_stated_is_its_period_evidence() -> None:
    claims = claims_of("Russia's ombudsman said in March that Ukraine was holding about 1,200 Russian servicemen.")
    held = one(claims, min=1_200)
    assert held.period_end == "2025-03"
    assert "March" in [e.text for e in held.evidence if e.field == "period"]


def test_coordinated_figures_before_a_running_total_cue_and_since_an_event_in_a_year() -> None:
    claims = claims_of(
        "According to the emergency service, 264 civilians have been killed and 571 injured by mines since February "
        "2022. Russian attacks have killed more than 650 civilians in the Kherson region since the city was "
        "liberated in November 2022."
    )
    assert {c.min for c in claims} == {264, 571, 650}


def test_forces_that_took_casualties_are_the_side() -> None:
    claims = claims_of(
        "The Institute for the Study of War assessed that Russian forces took between 35,000 and 45,000 casualties "
        "in the assault on Pokrovsk between September and November 2024."
    )
    assert (one(claims, min=35_000).side, one(claims, min=35_000).population) == ("Russia", "military")


def test_running_totals_since_a_month_and_a_part_after_its_whole() -> None:
    claims = claims_of(
        "Syniehubov said Russian strikes had killed 64 civilians in the Kharkiv region since the beginning of May. "
        "Since February 2022, Ukrainian attacks have killed 224 civilians in the Belgorod region, including 16 "
        "children, and wounded more than 1,050, Gladkov said."
    )
    assert {c.min for c in claims} == {64, 224, 16, 1_050}
    assert one(claims, min=16).metric == "killed"


def test_its_website_the_statement_and_it_confirmed_point_back() -> None:
    claims = claims_of(
        "UALosses, a volunteer project, counts the dead by name. By early February, it had confirmed the names of "
        "91,214 Ukrainian soldiers killed, according to its website. Ukraine's Prosecutor General's Office issued a "
        "statement on Sunday. According to the statement, 17 children were killed and 94 wounded in May alone."
    )
    assert one(claims, min=91_214).claimant == "UALosses"
    assert {one(claims, min=17).claimant, one(claims, min=94).claimant} == {"Ukraine's Prosecutor General"}


def test_climbing_past_a_figure_is_more_than_it() -> None:
    claims = claims_of(
        "At that pace, total Russian losses would climb past 1.2 million by the end of December, the Center for "
        "Strategic and International Studies projected."
    )
    past = one(claims, min=1_200_000)
    assert (past.qualifier, past.projection, past.claimant) == ("more than", True, "CSIS")


def test_a_ministry_named_by_its_kind_is_not_the_last_think_tank() -> None:
    claims = claims_of(
        "A study by the University of Tartu put Russian deaths at 200,000. Moscow has not updated its own figure "
        "since September 2022, when the defence ministry said 5,937 servicemen had been killed."
    )
    assert one(claims, min=5_937).claimant != "University of Tartu"


def test_a_count_goes_on_without_naming_its_source_again() -> None:
    claims = claims_of(
        "Mediazona and the BBC Russian Service have confirmed the deaths of 112,000 Russian soldiers. In absolute "
        "numbers, Bashkortostan comes first, with 3,412 confirmed deaths. Among them are 611 mobilised men."
    )
    assert one(claims, min=3_412).claimant == "Mediazona"
    assert one(claims, min=611).claimant == "Mediazona"


def test_quoted_figures_held_prisoners_parts_of_them_and_the_number_of_russian_wounded() -> None:
    claims = claims_of(
        'The defence minister said that "fewer than 70,000" Ukrainian servicemen had been killed. The coordination '
        "headquarters said about 7,400 Ukrainian servicemen were still being held in Russia. Around 2,300 of them "
        "are civilians. The document, prepared by the Defense Intelligence Agency, puts the number of Russian wounded "
        "at 560,000 to 610,000."
    )
    assert (one(claims, max=70_000).qualifier, one(claims, max=70_000).side) == ("fewer than", "Ukraine")
    assert one(claims, min=7_400).metric == "captured"
    assert one(claims, min=2_300).metric == "captured"
    wounded = one(claims, min=560_000)
    assert (wounded.side, wounded.metric) == ("Russia", "injured")


def test_a_regions_day_is_no_claim_and_a_month_this_year_is_no_running_total() -> None:
    claims = claims_of(
        "In total, over the past day 1 person was killed and 3 were injured in the region. In May this year, a drone "
        "attack on a bus outside the town killed nine people."
    )
    assert claims == []


def test_it_claims_part_of_the_named_dead_and_servicemen_who_remain_captive() -> None:
    claims = claims_of(
        "Russia's defence ministry has stopped publishing its own losses. It claims instead that Ukraine has lost more "
        "than 1.6 million servicemen killed and wounded. Mediazona has identified 140,000 Russian soldiers by name. "
        "More than 29,000 of the named dead were prisoners. The coordination headquarters says more than 7,000 "
        "Ukrainian servicemen remain in captivity."
    )
    assert one(claims, min=1_600_000).claimant == "Russian Ministry of Defence"
    assert (one(claims, min=29_000).metric, one(claims, min=29_000).claimant) == ("killed", "Mediazona")
    assert one(claims, min=7_000).metric == "captured"


def test_a_bare_figure_coordinated_with_the_one_before_and_those_among_the_killed() -> None:
    claims = claims_of(
        "Russia's defence ministry claims that Ukraine has lost more than 1.4 million servicemen killed and wounded "
        "since February 2022, and more than 400,000 since January. The UN human rights office said 158 civilians "
        "were killed in Ukraine in May. Nine children were among those killed in May."
    )
    assert (one(claims, min=400_000).metric, one(claims, min=400_000).period_start) == ("casualties", "2025-01")
    assert one(claims, min=9).metric == "killed"


def test_a_count_of_time_after_killed_is_no_claim() -> None:
    claims = claims_of("After Prigozhin was killed two months later in a plane crash, Shoigu kept his post, the "
                       "Russian defence ministry said.")
    assert claims == []


def test_a_body_that_puts_the_number_a_side_addressed_first_and_held_of_them() -> None:
    claims = claims_of(
        "According to the UN Human Rights Monitoring Mission in Ukraine, at least 12,340 civilians have been killed "
        "since 24 February 2022. Ukraine's Prosecutor General's Office puts the number of children killed at more "
        "than 570. For Ukraine, "
        "our central range is 500,000 to 600,000 military casualties, of which 100,000 to 140,000 were killed. "
        "The coordination headquarters counts 16,000 Ukrainians held by Russia. It estimates that about 8,000 of "
        "them are held in Russian captivity. The UN mission verified 190 civilians killed in May."
    )
    assert one(claims, min=570).claimant == "Ukraine's Prosecutor General"
    assert {one(claims, min=500_000).side, one(claims, min=100_000).side} == {"Ukraine"}
    assert one(claims, min=8_000).metric == "captured"
    assert one(claims, min=190).claimant == "OHCHR"


def test_he_said_points_back_to_the_person_who_spoke_last() -> None:
    claims = claims_of(
        "The interior minister, Ihor Klymenko, said more than 300 civilians had been killed in Kyiv since "
        "February 24, 2022. Kyiv mayor Vitali Klitschko said the ministry's number was too low. The city's own "
        "records put the figure at about 370, he said. Volodymyr Zelensky said 31,000 Ukrainian soldiers had been "
        "killed. \"Every family knows the truth,\" Zelensky said. Russia, he said, had lost 180,000 soldiers killed.")
    city = one(claims, min=370)
    assert (city.claimant, city.side, city.population, city.metric) == (
        "Kyiv mayor Vitali Klitschko", "Ukraine", "civilian", "killed")
    assert one(claims, min=180_000).claimant == "Volodymyr Zelensky"


def test_figures_coordinated_share_metric_and_side_and_a_named_source_after_an_unnamed_one() -> None:
    claims = claims_of(
        "Between 10,000 and 13,000 Ukrainian soldiers have been killed, a senior Ukrainian official has said. "
        "Mykhailo Podolyak, an adviser to the president, gave the range in an interview. "
        "European Commission President Ursula von der Leyen said more than 100,000 Ukrainian military personnel "
        "and more than 20,000 civilians had been killed. General Mark Milley said Russia had suffered well over "
        "100,000 soldiers killed and wounded, and that Ukraine had probably suffered about 100,000 military "
        "casualties as well.")
    assert one(claims, min=10_000).claimant == "Mykhailo Podolyak (adviser to the president)"
    soldiers, civilians = one(claims, min=100_000, metric="killed"), one(claims, min=20_000)
    assert (soldiers.side, soldiers.population, civilians.side, civilians.population) == (
        "Ukraine", "military", "Ukraine", "civilian")
    assert soldiers.claimant == "Ursula von der Leyen (European Commission President)"
    assert one(claims, min=100_000, metric="casualties", qualifier="about").side == "Ukraine"


def test_parts_named_make_up_and_of_those_named_and_a_total_brought_to() -> None:
    claims = claims_of(
        "Mediazona and the BBC Russian Service have confirmed the names of 115,382 Russian servicemen killed since "
        "February 2022. Former prisoners account for about 17,500 of the named dead. Mobilised men make up more "
        "than 14,000. More than 3,000 of those named were officers, the outlets said. Ukraine's General Staff said "
        "Russia had lost 630 soldiers killed or wounded over the past 24 hours, bringing its total since the start "
        "of the full-scale invasion to about 239,000.")
    for value in (17_500, 14_000, 3_000):
        part = one(claims, min=value)
        assert (part.side, part.population, part.metric, part.claimant) == (
            "Russia", "military", "killed", "Mediazona"), part
    total = one(claims, min=239_000)
    assert (total.metric, total.side, total.period_start) == ("casualties", "Russia", "2022-02-24")


def test_prisoners_taken_since_an_incursion_and_children_killed_since_a_short_month() -> None:
    claims = claims_of(
        "Ukraine's commander-in-chief, Oleksandr Syrskyi, said his forces had taken more than 100 Russian "
        "servicemen prisoner since the incursion began. The Donetsk regional prosecutor's office said Russian "
        "attacks had killed at least 127 children in the region since Feb. 24, 2022, and injured more than 330.")
    assert (one(claims, min=100).metric, one(claims, min=100).side) == ("captured", "Russia")
    assert (one(claims, min=127).side, one(claims, min=127).population) == ("Ukraine", "civilian")


def test_the_same_period_keeps_the_side_and_a_carried_period_keeps_its_words() -> None:
    claims = claims_of(
        "Since 2022, 250 civilians have been killed in the Belgorod region, Gov. Vyacheslav Gladkov said. More than "
        "1,100 people have been wounded over the same period, he said. One slide, attributed to US intelligence, "
        "estimated that Russia had suffered 189,500 casualties since the invasion began. The same slide put "
        "Ukraine's losses at 124,500 casualties. UN monitors verified 232 civilian deaths in June as Russia "
        "stepped up long-range strikes on Ukrainian cities.")
    wounded = one(claims, min=1_100)
    assert (wounded.side, wounded.population) == ("Russia", "civilian")
    assert wounded.claimant == "Vyacheslav Gladkov (governor)"
    ukraine = one(claims, min=124_500)
    assert ukraine.period_start == "2022-02-24"
    assert [e.text for e in ukraine.evidence if e.field == "period"] == ["since the invasion began"]
    assert one(claims, min=232).side == "Ukraine"


def test_a_spokesman_speaks_for_his_ministry_and_a_relative_who_wrote_for_himself() -> None:
    claims = claims_of(
        "Russia's Defence Ministry said in its daily briefing that its forces were advancing. \"Over the past day, "
        "up to 230 Ukrainian servicemen were killed,\" ministry spokesman Lieutenant General Igor Konashenkov told "
        "reporters. Zelensky said 43,000 Ukrainian soldiers had been killed. He gave the figure in response to a post "
        "by U.S. President-elect Donald Trump, who wrote that close to 400,000 Ukrainian soldiers had died.")
    assert one(claims, max=230).claimant == "Russian Ministry of Defence"
    assert one(claims, min=400_000).claimant == "U.S. President-elect Donald Trump"


def test_a_named_counter_parts_among_those_killed_and_a_guess_without_a_number() -> None:
    claims = claims_of(
        "Ural Chronicle has established the names of at least 9,400 residents of Bashkortostan killed in the war "
        "since February 2022. Among them are at least 1,150 men recruited from prisons. Using inheritance records, "
        "Mediazona estimated that up to 250,000 Russian soldiers may have been killed by the end of 2025. In "
        "Mariupol alone, thousands of civilians may have died during the siege, the UN said.")
    assert (one(claims, min=9_400).claimant, one(claims, min=9_400).side) == ("Ural Chronicle", "Russia")
    assert (one(claims, min=1_150).claimant, one(claims, min=1_150).side) == ("Ural Chronicle", "Russia")
    assert one(claims, max=250_000).claimant == "Mediazona"
    assert not [c for c in claims if c.population == "civilian" and c.claimant == "United Nations"]


def test_a_monitors_month_before_and_the_children_among_those_killed() -> None:
    claims = claims_of(
        "At least 152 civilians were killed and at least 702 injured in Ukraine in January 2025, the UN Human Rights "
        "Monitoring Mission in Ukraine said. The January toll was higher than that of the previous month, when the "
        "Mission verified 108 civilians killed. Nine children were among those killed in January, and 41 children "
        "were injured. The U.N. human rights office said it had confirmed 406 civilian deaths in Ukraine between "
        "Feb. 24 and the end of Sunday.", published="2025-02-11")
    for value in (108, 9, 41, 406):
        assert one(claims, min=value).side == "Ukraine"
    assert one(claims, min=41).metric == "injured"


def test_a_translated_count_and_a_place_alone_make_an_article_about_the_war() -> None:
    claims = pipeline.extract(
        "Nikopol district under fire\n\nSince the start of full-scale invasion, because of enemy attacks in Nikopol "
        "city died 58 peaceful residents, reminded the head of the city military administration Yevhen Yevtushenko. "
        "Among them are four children.", published="2025-06-12").claims
    assert one(claims, min=58).claimant == "Yevhen Yevtushenko (head of the city military administration)"
    assert (one(claims, min=4).side, one(claims, min=4).population) == ("Ukraine", "civilian")


def test_a_standfirst_naming_a_country_restates_the_body_and_a_comparison_keeps_the_figure() -> None:
    claims = claims_of(
        "Russia has suffered between 1.2 million and 1.3 million casualties since February 2022, the UK Ministry of "
        "Defence said. Russian casualties could reach about 1.5 million by the end of the year, the ministry said, "
        "describing losses not suffered by any Russian or Soviet army since the Second World War. The Prosecutor "
        "General's Office says at least 570 children have been killed since February 2022 and more than 1,650 "
        "injured.",
        standfirst="Britain estimates Moscow has suffered between 1.2 and 1.3 million casualties since the invasion")
    assert one(claims, min=1_200_000).claimant == "UK Ministry of Defence"
    assert one(claims, min=1_500_000).projection
    assert one(claims, min=1_650).qualifier == "more than"


def test_counts_by_a_described_office_the_dead_include_and_a_register_of_the_missing() -> None:
    claims = claims_of(
        "The UN mission has verified 12,654 civilians killed in Ukraine since February 2022. The dead include at "
        "least 738 children. Across the Kherson region, the regional prosecutor's office has recorded more than 1,100 "
        "civilian deaths since February 2022. More than 60,000 people have been entered in Ukraine's unified register "
        "of persons missing under special circumstances, the commissioner said. Since Ukrainian forces liberated "
        "Kherson on 11 November 2022, Russian attacks have killed 612 civilians in the city and wounded more than "
        "3,900, the city military administration said.")
    assert (one(claims, min=738).metric, one(claims, min=738).side) == ("killed", "Ukraine")
    assert one(claims, min=1_100).claimant == "Regional prosecutor's office"
    assert one(claims, min=60_000).metric == "missing"
    assert (one(claims, min=612).period_start, one(claims, min=612).side) == ("2022-11-11", "Ukraine")


def test_he_said_after_a_name_that_opens_the_sentence_before() -> None:
    claims = claims_of(
        "Volodymyr Zelensky said 55,000 Ukrainian soldiers had been killed. Zelensky rejected claims by Russia's "
        "defence ministry that Ukraine had lost close to 1.5 million troops killed and wounded. \"They tell this to "
        "their own people,\" he said. \"It is fiction.\" He said Russia's losses were far heavier, with about 35,000 "
        "Russian soldiers killed or wounded in January alone.")
    assert one(claims, min=35_000).claimant == "Volodymyr Zelensky"


def test_parts_of_whom_a_headquarters_named_as_a_speaker_and_a_commander_set_off_by_commas() -> None:
    claims = claims_of(
        "Several were wounded, the Coordination Headquarters for the Treatment of Prisoners of War said. The "
        "headquarters estimates that more than 8,000 Ukrainians are still held by Russia, roughly 1,000 of them "
        "civilians. The governor said 606 civilians had been killed in the Kharkiv region since 24 February, 24 of "
        "them children. Russia's defence ministry said Ukraine had lost more than 76,000 troops killed and wounded. "
        "Ukraine's commander-in-chief, Oleksandr Syrskyi, rejected the figure. He said Russian forces had lost about "
        "62,000 troops, including roughly 23,000 killed. Zelensky put Russia's total casualties, including the "
        "wounded, at about 500,000. Russia's armed forces had suffered between 189,500 and 223,000 casualties in "
        "Ukraine, the assessment said.", published="2025-06-17")
    held = one(claims, min=8_000)
    assert held.claimant == "Coordination Headquarters for the Treatment of Prisoners of War"
    assert (one(claims, min=1_000).metric, one(claims, min=24).metric) == ("captured", "killed")
    assert one(claims, min=62_000).claimant == "Oleksandr Syrskyi"
    assert one(claims, min=500_000).metric == "casualties"
    assert one(claims, min=189_500).side == "Russia"


def test_of_that_number_and_those_soldiers_killed_and_rescuers_wounded_on_duty() -> None:
    claims = claims_of(
        "UNICEF says 2,184 children have been killed or wounded in Ukraine since February 2022. Of that number, 568 "
        "children died and 1,616 were wounded. The think tank estimates that Russia suffered 1.1 million casualties. "
        "It estimates that up to 320,000 of those Russian soldiers were killed. Since the start of the full-scale "
        "invasion, 104 rescuers have been killed on duty and more than 430 injured, according to the State "
        "Emergency Service.")
    assert (one(claims, min=568).metric, one(claims, min=568).side) == ("killed", "Ukraine")
    assert one(claims, max=320_000).metric == "killed"
    assert (one(claims, min=430).metric, one(claims, min=430).side) == ("injured", one(claims, min=104).side)

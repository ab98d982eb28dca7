import sys

from warledger.cli import main

sys.exit(main())

import sys

from stuurman.cli import main

sys.exit(main())

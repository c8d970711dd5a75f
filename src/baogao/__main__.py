import sys

from baogao.cli import main

sys.exit(main())

from missiondesk.cli import main

raise SystemExit(main())

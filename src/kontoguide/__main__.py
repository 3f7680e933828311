from kontoguide.cli.entry import main

main()

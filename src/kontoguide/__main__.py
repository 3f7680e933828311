from kontoguide.cli import main

main()

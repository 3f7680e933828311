from kontoguide.entry import main

main()

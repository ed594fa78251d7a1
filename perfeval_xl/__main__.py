from perfeval_xl.cli import main

main()

"""`python -m dronewatch`."""

from dronewatch.cli import main

main()

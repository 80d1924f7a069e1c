"""The CLI's commands, one module per command or group; `dronewatch.cli` registers them."""

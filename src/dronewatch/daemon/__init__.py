"""`dronewatch run`: the service that follows the channels live and catches up.

Modules: `client` (the client protocol and the real client), `channels` (resolving
the configured channels), `writer` (the ordered database writer), `catchup`,
`jobs` (the scheduler hook and the digest sent on request), `requests` (commands
asking the daemon, which owns the session) and `service` (the daemon itself).
"""

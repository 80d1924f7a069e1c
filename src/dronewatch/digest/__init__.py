"""The daily digest: summarise the store, render text and chart, deliver once a day.

The daemon's entry point is `dronewatch.digest.schedule.attach_digest_jobs`.
"""

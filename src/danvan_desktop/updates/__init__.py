"""The laptop's releases (issue 20): check a signed manifest, trust keys, stage, switch.

``keys`` loads the release public keys built into the app and adds the keys verified
releases introduced (key rotation); ``manifest`` checks a release's signature and
whether this laptop may install it. Plain files and ``cryptography`` only: no Qt, no
store, no network (sync's library lane and the session drive these modules), so the
city's server checks a release it is asked to publish with the very same code.
"""

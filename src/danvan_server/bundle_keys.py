"""USB bundles on the server: its signing key pair and the devices' public keys.

The server signs its reply bundles with a key pair made on first use and kept in
``meta``; a laptop registers the public key it signs its bundles with, and a bundle is
checked against it before any member is read (bundles.py).
"""

from __future__ import annotations

from sqlalchemy import Engine, insert, select, update

import danvan_desktop.sync.bundle_format as fmt
from danvan_server import auth
from danvan_server.bundle_tables import device_keys
from danvan_server.db import get_meta, meta, reading, writing
from danvan_server.records import utc_now

SIGNING_KEY = "bundle_signing_key"


def server_public_key(engine: Engine) -> str:
    """The server's public key (its key pair is made on first use, kept in ``meta``)."""
    return fmt.public_key_of(private_key(engine))


def private_key(engine: Engine) -> str:
    """The server's private signing key, made and kept on first use."""
    with reading(engine) as connection:
        key = get_meta(connection, SIGNING_KEY)
    if key is not None:
        return key
    with writing(engine, sequenced=False) as connection:
        key = get_meta(connection, SIGNING_KEY)  # another process may have made it meanwhile
        if key is None:
            key = fmt.new_private_key()
            connection.execute(insert(meta).values(key=SIGNING_KEY, value=key))
    return key


def register_device_key(engine: Engine, scope: auth.Scope, public_key: object) -> str:
    """Keep the device's public key (a new one replaces the old); the server's key."""
    if not fmt.is_public_key(public_key):
        raise ValueError("public_key must be the base64 of a 32-byte Ed25519 key")
    with writing(engine, sequenced=False) as connection:
        known = connection.execute(
            select(device_keys.c.device_id).where(device_keys.c.device_id == scope.device_id)
        ).first()
        values = {"public_key": str(public_key), "registered_at": utc_now()}
        if known is None:
            connection.execute(insert(device_keys).values(device_id=scope.device_id, **values))
        else:
            connection.execute(
                update(device_keys).where(device_keys.c.device_id == scope.device_id).values(values)
            )
    return server_public_key(engine)

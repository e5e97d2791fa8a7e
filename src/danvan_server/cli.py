"""``danvan-server``: the city's IT officer's commands.

    danvan-server [--database URL] init [--attachments DIR]
    danvan-server run [--host H] [--port P] [--ssl-keyfile K --ssl-certfile C] [--workers N]
    danvan-server units list | add-city | add-commune | add-village [--json]
    danvan-server enroll --unit UNIT --role team|reviewer [--days N] [--device DEVICE_ID] [--json]
    danvan-server devices [--json] | revoke DEVICE_ID
    danvan-server publish FILE --unit UNIT [--slug S] [--title T] [--section S] [--order N]
    danvan-server fields show [--json] | set FILE
    danvan-server status [--json]
    danvan-server import-bundle FILE... [--reply-dir DIR] | export-bundle --device D --out DIR
    danvan-server records show|repair|remove ID ... | audit [--subject ID]
    danvan-server releases publish FOLDER [--trust-key PUBFILE] | list [--json] | withdraw VERSION

The database URL comes from ``--database`` or ``DANVAN_DATABASE_URL`` (keep a
PostgreSQL password out of the process list by using the variable). Output is
English: it is read by the IT officer, not by team leaders. ``--json`` prints the
keys listed in ``JSON_KEYS`` (stable: scripts may rely on them). ``run`` prints one line
``ready on http://HOST:PORT`` on stdout once it accepts connections (the bound port when
given ``--port 0``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from danvan_desktop.core.build_info import add_version_argument
from danvan_desktop.core.errors import DanvanError
from danvan_server import admin, city_fields, cli_bundles, records_admin, releases
from danvan_server.db import make_engine
from danvan_server.settings import DATABASE_URL_ENV, DEFAULT_DATABASE_URL, Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="danvan-server", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database",
        default=os.environ.get(DATABASE_URL_ENV) or DEFAULT_DATABASE_URL,
        help=f"SQLAlchemy URL (default: ${DATABASE_URL_ENV} or {DEFAULT_DATABASE_URL})",
    )
    add_version_argument(parser, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="create the schema and the server epoch")
    init.add_argument(
        "--attachments",
        type=Path,
        default=None,
        help="folder of the teams' files (default for SQLite: 'attachments' next to the "
        "database file; required for PostgreSQL)",
    )
    run = commands.add_parser("run", help="serve the sync API with uvicorn")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--ssl-keyfile", type=Path)
    run.add_argument("--ssl-certfile", type=Path)
    run.add_argument("--workers", type=int, default=1)
    run.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="reverse proxies trusted for X-Forwarded-* headers",
    )
    run.add_argument("--log-level", default="info")
    run.add_argument(
        "--keep-alive",
        type=float,
        default=KEEP_ALIVE_S,
        metavar="SECONDS",
        help=f"how long an idle laptop connection stays open (default {KEEP_ALIVE_S:g} s)",
    )
    _units_parser(commands)
    enroll = commands.add_parser("enroll", help="make a single-use enrollment code")
    enroll.add_argument("--unit", required=True, help="unit id, commune code or city:<code>")
    enroll.add_argument("--role", required=True, choices=("team", "reviewer"))
    enroll.add_argument("--days", type=float, default=admin.DEFAULT_CODE_DAYS)
    enroll.add_argument("--json", action="store_true", help=_json_help("enroll"))
    enroll.add_argument(
        "--device",
        metavar="DEVICE_ID",
        help="re-enroll this enrolled device id (a restored or moved laptop); without it "
        "the code enrolls a new device only",
    )
    devices = commands.add_parser("devices", help="list enrolled devices")
    devices.add_argument("--json", action="store_true", help=_json_help("devices"))
    revoke = commands.add_parser("revoke", help="revoke a device's token")
    revoke.add_argument("device_id")
    publish = commands.add_parser("publish", help="publish a handbook document to a unit")
    publish.add_argument("file", type=Path)
    publish.add_argument("--unit", required=True)
    publish.add_argument("--slug")
    publish.add_argument("--title")
    publish.add_argument("--section")
    publish.add_argument("--order", type=int)
    status = commands.add_parser("status", help="show the server's figures")
    status.add_argument("--json", action="store_true", help=_json_help("status"))
    cli_bundles.add_parsers(commands)
    records_admin.add_parsers(commands)
    city_fields.add_parsers(commands)
    releases.add_parsers(commands)
    return parser


def _units_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    units = commands.add_parser("units", help="list or add units").add_subparsers(
        dest="units_command", required=True
    )
    listing = units.add_parser("list")
    listing.add_argument("--json", action="store_true", help=_json_help("units"))
    city = units.add_parser("add-city", help="the province-level unit")
    city.add_argument("--province", type=int, required=True, help="province code (Huế: 46)")
    commune = units.add_parser("add-commune", help="a commune or ward from vietnam-provinces")
    commune.add_argument("--code", type=int, required=True)
    village = units.add_parser("add-village", help="a village or residential group")
    village.add_argument("--commune", required=True, help="commune code or unit id")
    village.add_argument("--name", required=True)
    village.add_argument("--kind", default="thon", choices=("thon", "ban", "to_dan_pho"))
    for adding in (city, commune, village):
        adding.add_argument("--json", action="store_true", help=_json_help("units"))


# The keys ``--json`` prints, per command: stable, scripts may rely on them (new keys may
# be added, none renamed or removed). ``units list`` and ``devices`` print a list of such
# objects, ``units add-*`` and ``enroll`` one object.
JSON_KEYS: dict[str, tuple[str, ...]] = {
    "units": ("id", "level", "name", "parent_id", "province_code", "commune_code"),
    "enroll": ("code", "role", "unit_id", "unit_name", "days", "device_id"),
    "devices": (
        *("device_id", "device_name", "role", "unit"),
        *("enrolled_at", "last_seen_at", "revoked_at"),
    ),
    "status": (
        *("database", "epoch", "attachments_dir", "high_seq", "units", "devices_active"),
        *("devices_total", "unused_codes", "operations_applied", "records", "attachments"),
        "attachment_bytes",
    ),
}


def _json_help(command: str) -> str:
    return "print JSON with the keys: " + ", ".join(JSON_KEYS[command])


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _unit_json(unit: Any) -> dict[str, Any]:
    return {key: getattr(unit, key) for key in JSON_KEYS["units"]}


# uvicorn closes a connection idle for 5 s by default: a laptop on a slow link that
# spends longer than that applying a pull page then finds its kept-alive connection
# gone (RemoteDisconnected) and backs off. Keep it as long as docs/server.md asks
# proxies to (120 s), so a clean link shows no disconnect.
KEEP_ALIVE_S = 120.0


def _shown(database_url: str) -> str:
    """The URL with its password masked, for messages."""
    try:
        return make_url(database_url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database URL)"


def _attachments_folder(given: Path | None, database_url: str) -> Path:
    """``--attachments``, or for a SQLite file the folder ``attachments`` beside it: the
    data stays together whatever the current folder is. PostgreSQL has no such folder,
    so there it must be given."""
    if given is not None:
        return given
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(str(url.database)).expanduser().resolve().parent / "attachments"
    raise admin.AdminError(
        "give --attachments DIR: the folder where the server keeps the teams' files "
        "(only a SQLite database has a default, next to its file)"
    )


def _run_server(args: argparse.Namespace, engine: Engine) -> int:
    import uvicorn  # imported late: the other commands need not load it
    from uvicorn.supervisors import Multiprocess

    admin.attachments_dir(engine)  # refuses an uninitialised database before binding
    if (args.ssl_keyfile is None) != (args.ssl_certfile is None):
        raise admin.AdminError("give both --ssl-keyfile and --ssl-certfile, or neither")
    for path in (args.ssl_keyfile, args.ssl_certfile):
        if path is not None and not path.is_file():
            raise admin.AdminError(f"no such file: {path}")
    os.environ[DATABASE_URL_ENV] = args.database
    config = uvicorn.Config(
        "danvan_server.app:create_app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_keyfile=str(args.ssl_keyfile) if args.ssl_keyfile else None,
        ssl_certfile=str(args.ssl_certfile) if args.ssl_certfile else None,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level=args.log_level,
        log_config=_log_config(args.log_level),
        timeout_keep_alive=args.keep_alive,
    )
    scheme = "https" if args.ssl_certfile else "http"
    if config.workers > 1:  # the socket is bound here and shared by the workers
        sock = config.bind_socket()
        _say_ready(scheme, args.host, sock.getsockname()[1])
        Multiprocess(config, sockets=[sock]).run()
        return 0
    server = _ready_server_class()(config, scheme)
    server.run()
    return 0 if server.started else 1


def _log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging, with the server's own loggers (``danvan_server.*``) printed
    the same way at the same level (without it their info lines went nowhere)."""
    from uvicorn.config import LOGGING_CONFIG

    config = json.loads(json.dumps(LOGGING_CONFIG))
    config["loggers"]["danvan_server"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    return dict(config)


def _say_ready(scheme: str, host: str, port: int) -> None:
    shown = f"[{host}]" if ":" in host else host
    print(f"ready on {scheme}://{shown}:{port}", flush=True)


def _ready_server_class() -> type[Any]:
    import uvicorn

    class ReadyServer(uvicorn.Server):
        """uvicorn's server that prints ``ready on …`` once it listens."""

        def __init__(self, config: uvicorn.Config, scheme: str) -> None:
            super().__init__(config)
            self._scheme = scheme

        async def startup(self, sockets: list[Any] | None = None) -> None:
            await super().startup(sockets)
            if self.started and self.servers and self.servers[0].sockets:
                port = self.servers[0].sockets[0].getsockname()[1]
                _say_ready(self._scheme, self.config.host, int(port))

    return ReadyServer


def _units(args: argparse.Namespace, engine: Engine) -> int:
    if args.units_command == "list":
        if args.json:
            _print_json([_unit_json(unit) for unit in admin.list_units(engine)])
            return 0
        for unit in admin.list_units(engine):
            indent = "  " * (len(unit.ancestor_ids))
            code = f" [{unit.commune_code}]" if unit.level == "commune" else ""
            print(f"{indent}{unit.name}{code}  {unit.level}  {unit.id}")
        return 0
    level = args.units_command.removeprefix("add-")
    options = {
        k: v for k, v in vars(args).items() if k in ("province", "code", "commune", "name", "kind")
    }
    unit = admin.add_units(engine, level, **options)
    if args.json:
        _print_json(_unit_json(unit))
    else:
        print(f"added {unit.level} {unit.name}: {unit.id}")
    return 0


def _dispatch(args: argparse.Namespace, engine: Engine) -> int:
    if args.command == "init":
        folder = _attachments_folder(args.attachments, args.database)
        epoch = admin.initialise(engine, folder)
        print(
            f"initialised {_shown(args.database)}: epoch {epoch}, attachments in "
            f"{folder.expanduser().resolve()}"
        )
    elif args.command == "run":
        return _run_server(args, engine)
    elif args.command == "units":
        return _units(args, engine)
    elif args.command == "enroll":
        code, unit = admin.make_code(
            engine, args.unit, args.role, timedelta(days=args.days), for_device=args.device
        )
        bound = f", re-enrolls device {args.device} only" if args.device else ""
        if args.json:
            made = (code, args.role, unit.id, unit.name, args.days, args.device)
            _print_json(dict(zip(JSON_KEYS["enroll"], made, strict=True)))
            return 0
        print(
            f"enrollment code for {args.role} of {unit.name} (valid {args.days:g} days, "
            f"single use{bound}):\n{code}"
        )
    elif args.command == "devices":
        if args.json:
            _print_json(
                [{k: d[k] for k in JSON_KEYS["devices"]} for d in admin.list_devices(engine)]
            )
            return 0
        for device in admin.list_devices(engine):
            state = f"revoked {device['revoked_at']}" if device["revoked_at"] else "active"
            print(
                f"{device['device_id']}  {device['role']}  {device['unit']}  "
                f"{device['device_name']}  last seen {device['last_seen_at']}  {state}"
            )
    elif args.command == "revoke":
        admin.revoke_device(engine, args.device_id)
        print(f"revoked {args.device_id}")
    elif args.command == "publish":
        published = admin.publish(
            engine,
            args.file,
            args.unit,
            slug=args.slug,
            title=args.title,
            section=args.section,
            position=args.order,
        )
        print(
            f"published {args.file.name} to {published.unit.name} as version "
            f"{published.doc_version} ({published.record_id})"
        )
    elif args.command in cli_bundles.COMMANDS:
        return cli_bundles.run(args, engine)
    elif args.command in records_admin.COMMANDS:
        return records_admin.run(args, engine)
    elif args.command in city_fields.COMMANDS:
        return city_fields.run(args, engine)
    elif args.command in releases.COMMANDS:
        return releases.run(args, engine, admin.attachments_dir(engine))
    elif args.command == "status":
        figures = admin.status(engine)
        if args.json:
            _print_json(figures)
        else:
            for key, value in figures.items():
                print(f"{key}: {value}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success, 1 with a message on stderr otherwise."""
    args = _parser().parse_args(argv)
    try:
        engine = make_engine(Settings(database_url=args.database))
        return _dispatch(args, engine)
    except (admin.AdminError, DanvanError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    except SQLAlchemyError as exc:
        detail = str(exc).splitlines()[0]
        print(f"error: database {_shown(args.database)}: {detail}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

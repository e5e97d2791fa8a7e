"""``danvan status``, ``danvan server-address`` and ``danvan add ENTITY --help``: set up,
script and watch sync from a terminal (issue 21).

``status --json`` prints the keys of ``STATUS_KEYS``: stable, scripts may rely on them
(new keys may be added, none renamed or removed).
"""

from __future__ import annotations

import argparse
import json
import ssl
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.server_address import checked_server_url
from danvan_desktop.core.vocab import FIELD_CHOICES, label
from danvan_desktop.session import Session
from danvan_desktop.session.data_folder import holds_store

STATUS_KEYS = (
    *("device_id", "unit_id", "role", "server_url", "enrolled"),
    *("last_sync", "last_result", "pending_operations", "pending_files"),
)
# sync/engine.py's keys in the store's meta table
_ROLE_KEY, _UNIT_KEY = "sync_role", "sync_unit_id"


def status_figures(session: Session) -> dict[str, Any]:
    """What ``danvan status`` shows, under ``STATUS_KEYS``."""
    state = session.sync_state()
    return {
        "device_id": session.store.device_id,
        "unit_id": session.store.meta(_UNIT_KEY) or session.store.home_unit_id,
        "role": session.store.meta(_ROLE_KEY) or ("team" if session.is_initialised else None),
        "server_url": state.server_url,
        "enrolled": state.enrolled,
        "last_sync": state.last_sync,
        "last_result": state.last_result,
        "pending_operations": state.pending,
        "pending_files": session.pending_uploads(),
    }


def cmd_status(session: Session, args: argparse.Namespace) -> None:
    figures = status_figures(session)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return
    for key, value in figures.items():
        print(f"{key}: {'-' if value is None else value}")


def cmd_server_address(session: Session, args: argparse.Namespace) -> None:
    url = checked_server_url(args.url)
    if args.ca is not None:
        _check_ca_file(args.ca)
    session.change_setting("server_url", url)
    if args.ca is not None:
        session.change_setting("ca_bundle", str(args.ca))
    print(
        tr("cli", "Đã đổi địa chỉ máy chủ thành {url}; lần đồng bộ sau dùng địa chỉ này.", url=url)
    )


def _check_ca_file(path: str) -> None:
    try:
        ssl.create_default_context(cafile=path)
    except (OSError, ssl.SSLError):
        problem = tr(
            "SyncTransport",
            "Không đọc được tệp chứng chỉ (CA) của thành phố: {path}. Hãy chọn lại tệp .pem "
            "hoặc .crt do quản trị máy chủ cung cấp.",
            path=path,
        )
        raise ValidationError([FieldProblem("ca_bundle", problem)]) from None


def entity_fields_text(entity: str, field_codes: Sequence[str] = ()) -> str:
    """The fields of ``entity`` for ``add ENTITY --help``: name, type, label, required,
    choices (a model's field codes from the open store, when given)."""
    spec = ENTITIES.get(entity)
    if spec is None:
        return tr("cli", "Không có loại hồ sơ «{entity}»; các loại: {names}.", entity=entity,
                  names=", ".join(sorted(ENTITIES)))  # fmt: skip
    lines = [tr("cli", "Các trường của {entity} (TÊN=GIÁ_TRỊ):", entity=entity)]
    for field in spec.fields:
        if field.owner == "system":
            continue
        flag = tr("cli", "bắt buộc") if field.required else tr("cli", "không bắt buộc")
        lines.append(f"  {field.name}  {field.kind}  {tr('fields', field.label)}  ({flag})")
        choices = FIELD_CHOICES.get((entity, field.name))
        if choices:
            shown = ", ".join(f"{code} = {label(choices, code)}" for code in choices)
            lines.append("      " + tr("cli", "chọn một: {choices}", choices=shown))
        elif (entity, field.name) == ("model", "field_code") and field_codes:
            lines.append(
                "      " + tr("cli", "chọn một: {choices}", choices=", ".join(field_codes))
            )
        elif (entity, field.name) == ("model", "year"):
            lines.append("      " + tr("cli", "năm bốn chữ số, ví dụ 2025"))
    return "\n".join(lines)


def _field_codes(data_dir: Path) -> list[str]:
    """The model field codes of the store in ``data_dir`` (none when there is no store)."""
    if not holds_store(data_dir):
        return []
    try:
        session = Session.open(data_dir)
    except Exception:  # help still prints the fields without the codes
        return []
    try:
        return [str(row.get("code")) for row in session.list_records("model_field")]
    finally:
        session.close()


class _EntityHelp(argparse.Action):
    """``-h``/``--help`` of ``add``/``update``: the usage, then the entity's fields."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        self.data_dir: Callable[[], Path] = kwargs.pop("data_dir")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:  # fmt: skip
        parser.print_help()
        entity = getattr(namespace, "entity", None)
        if entity:
            codes = _field_codes(self.data_dir()) if entity == "model" else []
            print("\n" + entity_fields_text(entity, codes))
        else:
            print("\n" + tr("cli", "Các loại: {names}.", names=", ".join(sorted(ENTITIES))))
        parser.exit()


def add_entity_help(parser: argparse.ArgumentParser, data_dir: Callable[[], Path]) -> None:
    """Give ``parser`` (made with ``add_help=False``) the entity-aware ``--help``."""
    parser.add_argument(
        "-h", "--help", action=_EntityHelp, data_dir=data_dir,
        help=tr("cli", "các trường của loại hồ sơ và giá trị được chọn"),
    )  # fmt: skip


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``status`` and ``server-address``."""
    p = sub.add_parser(
        "status",
        help=tr("cli", "máy này, đơn vị, vai trò, máy chủ, lần đồng bộ cuối, thay đổi còn chờ"),
        description=tr("cli", "Khóa JSON (--json): {keys}.", keys=", ".join(STATUS_KEYS)),
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_status)
    p = sub.add_parser(
        "server-address",
        help=tr("cli", "đổi địa chỉ máy chủ của thành phố (và tệp CA), không đăng ký lại"),
    )
    p.add_argument("url", metavar=tr("cli", "ĐỊA_CHỈ"))
    p.add_argument("--ca", default=None, help=tr("cli", "tệp chứng chỉ (CA) .pem của thành phố"))
    p.set_defaults(handler=cmd_server_address)


def data_dir_of(argv: Sequence[str] | None, default: Callable[[], Path]) -> Callable[[], Path]:
    """The ``--data-dir`` of ``argv`` (read when asked), for help that reads the store."""

    def find() -> Path:
        words = list(sys.argv[1:] if argv is None else argv)
        for index, word in enumerate(words):
            if word == "--data-dir" and index + 1 < len(words):
                return Path(words[index + 1])
            if word.startswith("--data-dir="):
                return Path(word.partition("=")[2])
        return default()

    return find

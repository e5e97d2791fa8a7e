"""``danvan network``: the network library, headless.

    danvan network list [--json]
    danvan network search TEXT [--json]
    danvan network show CARD_ID [--json]
    danvan network share MODEL_ID [--photo ATTACHMENT_ID …]                  (a reviewer's)
    danvan network withdraw CARD_ID                                         (a reviewer's)
    danvan network replicate CARD_ID                                        (a team's)

The cards this laptop holds are read with no network; a share or a withdrawal is kept
on the laptop and goes to the server with the next ``danvan sync``. A card's contact is
the one the model's team agreed to give on the model form, or none: ``share`` refuses
``--contact`` (the option of an earlier release) with the reason.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from danvan_desktop.core.errors import FieldProblem, NotFoundError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.network import CardQuery, NetworkCard
from danvan_desktop.session import Session

ALL = 10_000  # the CLI lists every card (the window pages)


def add_commands(sub: Any) -> None:
    """Add ``network`` and its subcommands to the ``danvan`` commands."""
    p = sub.add_parser("network", help=tr("cli", "mạng lưới mô hình được chia sẻ"))
    verbs = p.add_subparsers(dest="network_command", required=True)
    q = verbs.add_parser("list", help=tr("cli", "mọi thẻ trên máy"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=run_list)
    q = verbs.add_parser("search", help=tr("cli", "tìm thẻ (gõ có dấu hoặc không dấu)"))
    q.add_argument("text")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=run_list)
    q = verbs.add_parser("show", help=tr("cli", "xem một thẻ"))
    q.add_argument("card_id")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=run_show)
    q = verbs.add_parser("share", help=tr("cli", "chia sẻ mô hình đã được công nhận (cán bộ)"))
    q.add_argument("model_id")
    q.add_argument("--contact", help=argparse.SUPPRESS)  # refused: see run_share
    q.add_argument("--photo", action="append", default=[], metavar="ATTACHMENT_ID")
    q.set_defaults(handler=run_share)
    q = verbs.add_parser("withdraw", help=tr("cli", "gỡ một thẻ khỏi mạng lưới (cán bộ)"))
    q.add_argument("card_id")
    q.set_defaults(handler=run_withdraw)
    q = verbs.add_parser("replicate", help=tr("cli", "học tập, nhân rộng một thẻ cho tổ mình"))
    q.add_argument("card_id")
    q.set_defaults(handler=run_replicate)


def card_json(card: NetworkCard) -> dict[str, Any]:
    """A card as plain JSON for ``--json``."""
    return {
        "id": card.id,
        "name": card.name,
        "field": card.field_name,
        "commune": card.commune_name,
        "village": card.village_name,
        "year": card.year,
        "level": card.highest_level,
        "shared_level": card.shared_level,
        "summary": [list(pair) for pair in card.summary],
        "results": card.results,
        "indicators": [list(pair) for pair in card.indicators],
        "recognitions": [
            [r.level, r.decision_no, r.decided_on.isoformat()] for r in card.recognitions
        ],
        "contact": card.contact,
        "photos": [p.caption for p in card.photos],
    }


def run_list(session: Session, args: argparse.Namespace) -> int:
    """``list`` and ``search``: one line per card (id, year, name, place)."""
    cards = session.network_cards(CardQuery(text=getattr(args, "text", ""), limit=ALL))
    if args.json:
        print(json.dumps([card_json(c) for c in cards], ensure_ascii=False, indent=1))
        return 0
    for card in cards:
        print(f"{card.id}\t{card.year}\t{card.name}\t{card.village_name}, {card.commune_name}")
    if not cards:
        print(tr("cli", "Không có thẻ nào: hãy đồng bộ để nhận mạng lưới mới nhất."))
    return 0


def run_show(session: Session, args: argparse.Namespace) -> int:
    """``show``: the whole card."""
    card = session.network_card(args.card_id)
    if card is None:
        raise NotFoundError(tr("cli", "Không có thẻ này trên máy: hãy xem «danvan network list»."))
    if args.json:
        print(json.dumps(card_json(card), ensure_ascii=False, indent=1))
        return 0
    print(card.name)
    print(f"{card.field_name} · {card.village_name}, {card.commune_name} · {card.year}")
    for label, text in card.summary:
        print(f"\n{label}:\n{text}")
    if card.results:
        print(f"\n{tr('cli', 'Kết quả')}:\n{card.results}")
    for name, value in card.indicators:
        print(f"- {name}: {value}")
    for r in card.recognitions:
        print(f"* {r.level} {r.decision_no} {r.decided_on.isoformat()}")
    if card.contact:
        print(f"{tr('cli', 'Liên hệ')}: {card.contact}")
    return 0


def run_share(session: Session, args: argparse.Namespace) -> int:
    """``share``: the card is kept here and sent with the next sync."""
    if args.contact is not None:
        problem = tr(
            "cli",
            "Không nhập liên hệ khi chia sẻ: thẻ chỉ mang người liên hệ mà tổ đã đồng ý chia "
            "sẻ trên biểu mẫu mô hình. Hãy bỏ «--contact»; tổ ghi người liên hệ trên mô hình "
            "rồi đồng bộ.",
        )
        raise ValidationError([FieldProblem("contact", problem)])
    card = session.share_model(args.model_id, photo_ids=args.photo)
    print(card.id)
    if card.contact:
        print(f"{tr('cli', 'Liên hệ')}: {card.contact}")
    else:
        print(tr("cli", "Tổ không đồng ý chia sẻ liên hệ."))
    print(tr("cli", "Đã chia sẻ mô hình lên mạng lưới; thẻ sẽ được gửi ở lần đồng bộ tới."))
    return 0


def run_withdraw(session: Session, args: argparse.Namespace) -> int:
    """``withdraw``: gone from this laptop now, from every laptop after the next sync."""
    session.withdraw_card(args.card_id)
    print(tr("cli", "Đã gỡ thẻ; các máy sẽ không còn thẻ này sau lần đồng bộ tới."))
    return 0


def run_replicate(session: Session, args: argparse.Namespace) -> int:
    """``replicate``: a model registered in the team from the card, with its link."""
    result = session.replicate_card(args.card_id)
    print(result.record_id)
    print(
        tr(
            "cli",
            "Đã đăng ký mô hình nhân rộng cho tổ; hãy hoàn thiện nội dung đăng ký. Mô hình và "
            "liên kết nhân rộng sẽ được gửi ở lần đồng bộ tới.",
        )
    )
    return 0

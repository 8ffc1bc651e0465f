"""How the e-mails read: the personal link with its QR code, and the mutual matches."""

from __future__ import annotations

import io
from email.headerregistry import Address
from email.message import EmailMessage

import segno

from app.adapters.database.tables import Event
from app.adapters.vcard import vcards
from app.services.emails import Compose, Recipient
from app.web import i18n
from app.web.i18n import _

SIGNATURE = "— Tablehop"


def compose_links(event: Event, recipient: Recipient) -> EmailMessage:
    """Write a participant their personal link, with its QR code as an inline image."""
    i18n.use_language(event.language)
    message = _addressed(recipient, _("Your personal link for %(event)s", event=event.title))
    message.set_content(
        "\n\n".join(
            (
                _("Hello %(name)s,", name=recipient.first_name),
                _(
                    "Your personal page for %(event)s shows your table in each round and whom "
                    "you meet there. Open it on your phone on the day:",
                    event=event.title,
                ),
                recipient.link,
                _("The attached QR code opens the same page. This link is yours alone."),
                SIGNATURE,
            )
        )
    )
    message.add_attachment(
        _qr_png(recipient.link),
        maintype="image",
        subtype="png",
        filename="tablehop-qr.png",
        disposition="inline",
    )
    return message


def compose_matches(event: Event, recipient: Recipient) -> EmailMessage:
    """Write a participant their mutual matches, with the details shared and a vCard file."""
    i18n.use_language(event.language)
    message = _addressed(recipient, _("Your mutual matches at %(event)s", event=event.title))
    closing = _("The attached file adds them to your contacts. Your page: %(link)s",
                link=recipient.link)  # fmt: skip
    paragraphs = (
        _("Hello %(name)s,", name=recipient.first_name),
        _("These people want to follow up with you, as you do with them:"),
        "\n".join(_contact_line(match) for match in recipient.matches),
        closing,
        SIGNATURE,
    )
    message.set_content("\n\n".join(paragraphs))
    cards = vcards(recipient.matches, _("Met at %(event)s", event=event.title))
    message.add_attachment(cards, subtype="vcard", filename="contacts.vcf")
    return message


COMPOSERS: dict[str, Compose] = {"links": compose_links, "matches": compose_matches}


def _addressed(recipient: Recipient, subject: str) -> EmailMessage:
    message = EmailMessage()
    name = f"{recipient.first_name} {recipient.last_name}"
    message["To"] = Address(display_name=name, addr_spec=recipient.email)
    message["Subject"] = subject
    return message


def _contact_line(match: dict) -> str:
    """Write one match as a line: name, company, then the details they share."""
    name = f"{match['first_name']} {match['last_name']}"
    details = [match[key] for key in ("email", "phone", "website") if match.get(key)]
    company = f" ({match['company']})" if match.get("company") else ""
    return f"• {name}{company}" + (f" — {', '.join(details)}" if details else "")


def _qr_png(link: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()

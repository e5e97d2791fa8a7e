"""Text encodings of the files teams keep: reading a CSV, and finding pre-Unicode text.

A CSV saved by Excel is UTF-8 (with a BOM: «CSV UTF-8») or in the Windows code page of
a Vietnamese Windows, Windows-1258 (Excel's «Unicode Text» is UTF-16 with a BOM).
Windows-1258 writes most tone marks as combining characters after the letter («e» +
U+0303), so decoded text is put in NFC, as every text entering the store is.

Before Unicode, Vietnamese was typed in font encodings: TCVN3 (the «.VnTime» fonts,
also called ABC) and VNI (the «VNI-Times» fonts). A file typed that way holds ordinary
Latin-1 characters that only the old font drew as Vietnamese, so Excel (and a CSV
decoder) shows «NguyÔn V¨n An» (TCVN3) or «Nguyeãn Vaên An» (VNI) for «Nguyễn Văn An».
Such text cannot be stored: ``legacy_encoding`` recognises it by signs no Vietnamese
word written in Unicode has, and the importer refuses the column, saying how to convert
the file (Unikey's «Chuyển mã» tool).

The signs, each touching a letter of the same word:

- TCVN3 draws most vowels with a symbol of Latin-1 (¨ © ª ¬ ® µ ¶ · ¸ ¹ ¼ ½ ¾ …; « and »
  count between two letters only, where no quotation mark stands), and lower-case
  vowels with capitals (a capital inside a lower-case word: «NguyÔn», «TrÇn»);
- VNI writes a vowel and then its marks as a second character: «aâ» (â), «aê» (ă),
  «eâ» (ê), «oâ» (ô), a plain vowel followed by a tone character («aù», «oø», «aï»),
  which no Vietnamese syllable has;
- letters no Vietnamese word uses (ñ, ö, ø, ï, ß, þ …) are drawn by both.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

UTF8 = "UTF-8"
UTF16 = "UTF-16"
WINDOWS_1258 = "Windows-1258"
TCVN3 = "TCVN3"
VNI = "VNI"

_BOM = b"\xef\xbb\xbf"
_LETTER = r"[^\W\d_]"
_AFTER_LETTER = rf"(?<={_LETTER}.)"  # after the character matched: a letter comes before it
# Each sign is found by its rarer character first, then its neighbours are looked at:
# a search then skips quickly over ordinary text.
# TCVN3: symbols of Latin-1 that stand for vowels (° ± ² ³ ´ left out: they are used as
# such next to figures); « and » only between two letters; a capital inside a word.
_TCVN3_SYMBOLS = "¡¢£¤¥¦§¨©ª¬\u00ad®¯µ¶·¸¹º¼½¾¿"
_TCVN3 = re.compile(
    rf"[{_TCVN3_SYMBOLS}](?:{_AFTER_LETTER}|(?={_LETTER}))"
    rf"|[«»]{_AFTER_LETTER}(?={_LETTER})"
    r"|[À-ÖØ-Þ](?<=[a-z].)(?=[a-z])"
)
# VNI: a vowel, then its marks as a character of their own. Windows-1258 decodes some
# of VNI's bytes otherwise than Windows-1252 (õ as ơ, ã as ă), hence both forms.
_VNI = re.compile(
    r"[ùøûõïÙØÛÕÏ](?<=[aeiouyôöAEIOUYÔÖ].)"
    r"|[ơƠ](?<=[aeiyAEIY].)"
    r"|[âÂ](?<=[aAeEoO].)|[êÊ](?<=[aA].)|[ăĂ](?<=[aAeE].)"
    r"|[áàåãäÁÀÅÃÄ](?<=[aAeE].)|[åäÅÄ](?<=[oO].)"
    r"|[éèúüëÉÈÚÜË](?<=[aA].)"
)
# Letters of Latin-1 that Vietnamese never writes, and both old encodings draw with.
_FOREIGN = re.compile(rf"[ÆÇËÎÏÑÖ×ØÜÞßäåæçëîïñö÷øûüþÿ](?:{_AFTER_LETTER}|(?={_LETTER}))")


def nfc(text: str) -> str:
    """``text`` in Unicode NFC."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in: UTF-16 after its BOM, UTF-8
    (a BOM is dropped) when the bytes are UTF-8, else Windows-1258; in NFC each way."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's «Unicode Text (*.txt)»: UTF-16 with a BOM, cells between tabs.
        return nfc(data.decode("utf-16", errors="replace")), UTF16
    try:
        return nfc(data.decode("utf-8")), UTF8
    except UnicodeDecodeError:
        pass
    # Windows-1258 leaves five bytes undefined; a file holding them is not text we can
    # read, and the replacement character shows where.
    return nfc(data.decode("cp1258", errors="replace")), WINDOWS_1258


def legacy_encoding(text: str) -> str | None:
    """``TCVN3`` or ``VNI`` when ``text`` looks typed in that old encoding, else None."""
    if text.isascii():
        return None
    if _TCVN3.search(text):
        return TCVN3
    if _VNI.search(text):
        return VNI
    if _FOREIGN.search(text):
        return TCVN3
    return None

"""Staff accounts: password hashing, TOTP two-factor and the lockout rule.

Passwords are hashed with scrypt from the standard library (n=2**14, r=8, p=1, a random
16-byte salt), stored as `scrypt$n$r$p$salt$hash` so the cost can rise later without losing
old hashes. Nothing here reads the request; the views and the CLI call it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

import pyotp
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import StaffUser, aware, utcnow

N, R, P = 2**14, 8, 1
_DKLEN = 32
_MAXMEM = 64 * 1024 * 1024
ISSUER = "Children's social care complaints"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_DKLEN, maxmem=_MAXMEM
    )


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(_scrypt(password, salt, N, R, P))}"


def verify_password(stored: str, password: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(expected, actual)


#: hashed once, then checked against for unknown emails so they take as long as known ones
_DUMMY: list[str] = []


def burn_time(password: str) -> None:
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_urlsafe(16)))
    verify_password(_DUMMY[0], password)


def new_password() -> str:
    """A strong random password: 20 URL-safe characters, about 120 bits."""
    return secrets.token_urlsafe(15)


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: StaffUser) -> str:
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def verify_code(user: StaffUser, code: str) -> bool:
    code = "".join(code.split())
    if len(code) != 6 or not code.isdigit():
        return False
    return pyotp.TOTP(user.totp_secret).verify(code, valid_window=1)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find(data: Session, email: str) -> StaffUser | None:
    return data.scalars(select(StaffUser).where(StaffUser.email == normalise_email(email))).first()


def is_locked(user: StaffUser, now: datetime | None = None) -> bool:
    return user.locked_until is not None and aware(user.locked_until) > (now or utcnow())


def record_failure(user: StaffUser, attempts: int, minutes: int) -> None:
    """One more failed password or code; at `attempts` the account locks for `minutes`."""
    user.failed_attempts = (user.failed_attempts or 0) + 1
    if user.failed_attempts >= attempts:
        user.locked_until = utcnow() + timedelta(minutes=minutes)
        user.failed_attempts = 0


def record_success(user: StaffUser) -> None:
    user.failed_attempts = 0
    user.locked_until = None
    user.last_sign_in_at = utcnow()


class AccountError(ValueError):
    pass


def create(data: Session, email: str, role: str) -> tuple[StaffUser, str]:
    """A new account and its password (returned once, never stored)."""
    from portal.staff.roles import ALL

    email = normalise_email(email)
    if role not in ALL:
        raise AccountError(f"Unknown role {role!r}: choose one of {', '.join(ALL)}")
    if "@" not in email or len(email) > 320:
        raise AccountError(f"{email!r} is not an email address")
    if find(data, email) is not None:
        raise AccountError(f"There is already an account for {email}")
    password = new_password()
    user = StaffUser(
        email=email,
        role=role,
        password_hash=hash_password(password),
        totp_secret=new_totp_secret(),
    )
    data.add(user)
    data.commit()
    return user, password

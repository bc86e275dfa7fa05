"""Outgoing webhook targets: public addresses only, unless private targets are allowed."""

from __future__ import annotations

import pytest

from app.services.targets import RefusedTarget, check_target

PRIVATE = [
    "http://127.0.0.1:8080/hook",
    "http://localhost/hook",
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://100.64.0.1/hook",
    "http://0.0.0.0/hook",
]


@pytest.mark.parametrize("url", PRIVATE)
def test_private_and_loopback_targets_are_refused(url):
    with pytest.raises(RefusedTarget, match="TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS"):
        check_target(url, allow_private=False)


@pytest.mark.parametrize("url", PRIVATE[:3])
def test_private_targets_pass_when_allowed(url):
    check_target(url, allow_private=True)


def test_a_public_address_passes():
    check_target("https://93.184.215.14/hook", allow_private=False)


@pytest.mark.parametrize("url", ["ftp://93.184.215.14/x", "file:///etc/passwd", "https://", "hook"])
def test_non_http_urls_are_refused_even_when_private_targets_are_allowed(url):
    with pytest.raises(RefusedTarget, match="http"):
        check_target(url, allow_private=True)


def test_credentials_in_the_url_are_refused():
    with pytest.raises(RefusedTarget, match="credentials"):
        check_target("https://user:pw@93.184.215.14/hook", allow_private=True)

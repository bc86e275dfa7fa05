"""Outgoing webhook targets: public addresses only, unless private targets are allowed."""

from __future__ import annotations

import pytest

from app.services.targets import RefusedTarget, check_target, is_public, normalise_target

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
    with pytest.raises(RefusedTarget, match="without credentials"):
        check_target("https://user:pw@93.184.215.14/hook", allow_private=True)


EMBEDDED_PRIVATE = [
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",  # NAT64 of 169.254.169.254
    "http://[64:ff9b:1::a00:1]/hook",  # local-use NAT64
    "http://[2002:7f00:1::]/hook",  # 6to4 of 127.0.0.1
    "http://[2002:a9fe:a9fe::1]/hook",  # 6to4 of the metadata address
    "http://[::127.0.0.1]/hook",  # IPv4-compatible
    "http://[::ffff:10.0.0.1]/hook",  # IPv4-mapped
    "http://[::ffff:0:7f00:1]/hook",  # IPv4-translated (RFC 2765)
    "http://[fec0::1]/hook",  # site-local
    "http://[fd00:ec2::254]/latest",  # unique local (a cloud metadata address)
    "http://[fe80::1]/hook",  # link-local
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook",  # Teredo
    "http://[ff02::1]/hook",  # multicast
    "http://224.0.0.1/hook",  # multicast
    "http://[::]/hook",
    "http://198.18.0.1/hook",  # benchmarking
]


@pytest.mark.parametrize("url", EMBEDDED_PRIVATE)
def test_every_address_form_that_maps_to_private_space_is_refused(url):
    with pytest.raises(RefusedTarget, match="TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS"):
        check_target(url, allow_private=False)


@pytest.mark.parametrize(
    "address",
    ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "64:ff9b::5db8:d70e", "2002:5db8:d70e::1"],
)
def test_public_addresses_and_forms_embedding_one_pass(address):
    assert is_public(address)


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://8.8.8.8/\x01", "http://93.184.215.14:99999/", "http://a b.example/"]
)
def test_urls_httpx_cannot_send_are_refused_at_subscription(url):
    with pytest.raises(RefusedTarget):
        check_target(url, allow_private=True)


def test_the_stored_url_is_the_normalised_one():
    assert check_target("HTTPS://Hooks.EXAMPLE.com/café?x=1", allow_private=True) == (
        "https://hooks.example.com/caf%C3%A9?x=1"
    )
    assert normalise_target("http://xn--bcher-kva.example/hook") == "http://xn--bcher-kva.example/hook"
    with pytest.raises(RefusedTarget, match="host name"):
        normalise_target("http://bücher.example/hook")  # international names come as punycode

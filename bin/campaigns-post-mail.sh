#!/bin/sh
# Posts one mail, read from standard input, to strapi-plugin-campaigns' raw-mail endpoint, signed
# with the shared secret (inbound.rawMail.secret). For an MTA's pipe transport (README, "Raw mail").
#
#   campaigns-post-mail.sh https://example.com/api/campaigns/inbound/mail /etc/campaigns/raw-mail.secret
#
# Exit status as sysexits(3) tells an MTA: 0 taken; 75 (EX_TEMPFAIL) try again later (the site is
# down, or refuses the signature or has no endpoint: a configuration to fix, so nothing is lost);
# 69 (EX_UNAVAILABLE) never (the mail is too large or not a mail).
set -eu

[ $# -eq 2 ] || { echo "usage: $0 ENDPOINT_URL SECRET_FILE" >&2; exit 64; }
url=$1
secret=$(cat "$2")

mail=$(mktemp)
trap 'rm -f "$mail"' EXIT
cat > "$mail"

# The hex HMAC-SHA256 of the exact bytes; openssl prints "HMAC-SHA2-256(stdin)= <hex>".
signature=$(openssl dgst -sha256 -hmac "$secret" < "$mail" | sed 's/^.*= *//')

status=$(curl --silent --show-error --output /dev/null --write-out '%{http_code}' --max-time 120 \
  -H 'Content-Type: message/rfc822' -H "X-Campaigns-Signature: sha256=$signature" \
  --data-binary "@$mail" "$url") || exit 75

case $status in
  2??) exit 0 ;;
  400 | 413 | 415) echo "campaigns: $url refused the mail ($status)" >&2; exit 69 ;;
  *) echo "campaigns: $url answered $status; try again later" >&2; exit 75 ;;
esac

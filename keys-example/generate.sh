#!/usr/bin/env bash
# Regenerates the development signing key and its self-signed certificate.
# These files are for the demo and the tests only; the production profile refuses them.
set -euo pipefail
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes \
  -keyout ncp-example.key.pem -out ncp-example.cert.pem \
  -subj "/C=NO/O=EMREX NCP example/CN=EMREX NCP example key - NOT FOR PRODUCTION" \
  -addext "keyUsage=critical,digitalSignature,nonRepudiation"
chmod 600 ncp-example.key.pem
openssl x509 -in ncp-example.cert.pem -noout -subject -fingerprint -sha256

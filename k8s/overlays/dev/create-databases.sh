#!/bin/bash
# DEV ONLY. Run once by the postgres image's entrypoint on an empty data directory: one role
# per service (names and passwords from the dev Secrets, passed in as environment variables),
# each owning its own database, as ARCHITECTURE.md has it: no service reads another's tables.
set -euo pipefail

create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$1" -v password="$2" -v db="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create "$BRAND_REGISTRY_DB_USER" "$BRAND_REGISTRY_DB_PASSWORD" brand_registry
create "$LISTING_DB_USER" "$LISTING_DB_PASSWORD" listings
create "$COMPLAINT_DB_USER" "$COMPLAINT_DB_PASSWORD" complaints
create "$VERIFICATION_DB_USER" "$VERIFICATION_DB_PASSWORD" verification

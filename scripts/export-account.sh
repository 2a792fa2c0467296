#!/usr/bin/env bash
# Exports, with read-only AWS CLI calls, the configuration reachlint checks: one JSON file per call,
# exactly as `aws ... --output json` prints it, under OUTDIR/accounts/<account-id>/<region>/.
# Usage and layout: docs/account-exports.md. Runs with bash 3.2 (macOS) and later.
set -euo pipefail

prog=export-account
usage() {
  cat <<'EOF'
usage: export-account.sh [--region R]... [--all-regions] [--profile P] [--endpoint-url URL]
                         [--jobs N] OUTDIR

Writes OUTDIR/accounts/<account-id>/<region>/<service>-<command>[.<id>].json, one file per
read-only AWS CLI call, for reachlint to read (docs/account-exports.md).

  --region R        export region R (repeatable)
  --all-regions     every region enabled for the account (aws ec2 describe-regions)
                    default: the CLI's configured region
  --profile P       AWS CLI profile
  --endpoint-url U  send every call to U (an emulator such as moto; never needed for AWS)
  --jobs N          CLI calls run at once (default 4)

exit: 0 export complete (calls to services a region does not offer are skipped with a warning)
      1 export failed or incomplete (credentials, endpoint, permissions, API errors)
      2 usage error
EOF
}

die() { # die CODE MESSAGE
  printf '%s: error: %s\n' "$prog" "$2" >&2
  exit "$1"
}
warn() { printf '%s: warning: %s\n' "$prog" "$*" >&2; }
note() { printf '%s: %s\n' "$prog" "$*" >&2; }

# --- arguments ---------------------------------------------------------------------------------
regions=()
all_regions=false
profile=""
endpoint=""
jobs=4
outdir=""
need_value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then die 2 "$1 needs a value (see --help)"; fi
}
while [ $# -gt 0 ]; do
  case "$1" in
    --region) need_value "$@"; regions+=("$2"); shift 2 ;;
    --region=*) regions+=("${1#*=}"); shift ;;
    --all-regions) all_regions=true; shift ;;
    --profile) need_value "$@"; profile=$2; shift 2 ;;
    --profile=*) profile=${1#*=}; shift ;;
    --endpoint-url) need_value "$@"; endpoint=$2; shift 2 ;;
    --endpoint-url=*) endpoint=${1#*=}; shift ;;
    --jobs) need_value "$@"; jobs=$2; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) die 2 "unknown option: $1 (see --help)" ;;
    *) [ -z "$outdir" ] || die 2 "one OUTDIR only (got '$outdir' and '$1')"; outdir=$1; shift ;;
  esac
done
if [ $# -gt 0 ]; then
  if [ -n "$outdir" ] || [ $# -ne 1 ]; then die 2 "one OUTDIR only"; fi
  outdir=$1
fi
[ -n "$outdir" ] || { usage >&2; exit 2; }
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die 2 "--jobs needs a positive integer, not '$jobs'"
if [ ${#regions[@]} -gt 0 ] && $all_regions; then die 2 "--region and --all-regions exclude each other"; fi
command -v aws >/dev/null 2>&1 || die 1 "the AWS CLI ('aws') is not installed or not on PATH"

# AWS CLI v2 must neither page nor prompt; v1 ignores both.
export AWS_PAGER=""
export AWS_CLI_AUTO_PROMPT=off

aws_cmd=(aws --output json)
if [ -n "$profile" ]; then aws_cmd+=(--profile "$profile"); fi
if [ -n "$endpoint" ]; then aws_cmd+=(--endpoint-url "$endpoint"); fi

work=$(mktemp -d "${TMPDIR:-/tmp}/$prog.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  local pid
  for pid in ${running[@]+"${running[@]}"}; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

first_line() { sed -n '/[^[:space:]]/{p;q;}' "$1"; } # the CLI's error message, without blank lines

# --- account and regions -----------------------------------------------------------------------
valid_region() { [[ "$1" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]]; }

home_region=""
if [ ${#regions[@]} -gt 0 ]; then
  home_region=${regions[0]}
else
  # The CLI's own order: environment first, then the profile's configuration.
  home_region=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
  if [ -z "$home_region" ]; then
    cfg=(aws configure get region)
    if [ -n "$profile" ]; then cfg+=(--profile "$profile"); fi
    home_region=$("${cfg[@]}" 2>"$work/configure.err" || true)
  fi
  if [ -z "$home_region" ]; then
    if [ -s "$work/configure.err" ]; then
      die 2 "no region: $(first_line "$work/configure.err")"
    fi
    $all_regions || die 2 "no region: pass --region R or --all-regions, or configure a default region"
    home_region=us-east-1
  fi
fi
for r in ${regions[@]+"${regions[@]}"} "$home_region"; do
  valid_region "$r" || die 2 "not a region name: '$r'"
done

if ! account=$("${aws_cmd[@]}" --region "$home_region" sts get-caller-identity \
  --query Account --output text 2>"$work/sts.err"); then
  die 1 "cannot identify the account (aws sts get-caller-identity): $(first_line "$work/sts.err")"
fi
[[ "$account" =~ ^[0-9]{12}$ ]] || die 1 "aws sts get-caller-identity returned '$account', not an account id"

if $all_regions; then
  # Without --all-regions of its own, describe-regions lists only the regions enabled for the account.
  if ! listed=$("${aws_cmd[@]}" --region "$home_region" ec2 describe-regions \
    --query 'Regions[].RegionName' --output text 2>"$work/regions.err"); then
    die 1 "cannot list regions (aws ec2 describe-regions): $(first_line "$work/regions.err")"
  fi
  for r in $listed; do
    if valid_region "$r"; then regions+=("$r"); fi
  done
  [ ${#regions[@]} -gt 0 ] || die 1 "aws ec2 describe-regions listed no region"
elif [ ${#regions[@]} -eq 0 ]; then
  regions=("$home_region")
fi
# Sorted and unique, without mapfile (bash 3.2).
sorted=()
while IFS= read -r r; do sorted+=("$r"); done < <(printf '%s\n' "${regions[@]}" | LC_ALL=C sort -u)
regions=("${sorted[@]}")

if ! mkdir -p "$outdir" 2>/dev/null || [ ! -w "$outdir" ]; then die 1 "cannot write to $outdir"; fi
account_dir="$outdir/accounts/$account"

# --- calls ------------------------------------------------------------------------------------
# Classifies a failed call from the CLI's message. Prints one of:
#   unavailable  the service or operation is not offered there: skip the call, warn, go on
#   fatal        nothing more can succeed in this region (credentials, region disabled, no EC2)
#   failed       this call failed (permissions, throttling, AWS errors): the export is incomplete
classify() { # classify SERVICE ERRFILE
  local service=$1 msg
  msg=$(cat "$2")
  case "$msg" in
    *"Unable to locate credentials"* | *"Partial credentials"* | *"config profile"* | \
      *InvalidClientTokenId* | *UnrecognizedClientException* | *AuthFailure* | *ExpiredToken* | \
      *RequestExpired* | *SignatureDoesNotMatch* | *InvalidAccessKeyId* | *"Error when retrieving"* | \
      *"Token has expired"* | *"SSO session"*)
      echo fatal ;;
    *"Could not connect to the endpoint URL"* | *"Connect timeout on endpoint URL"* | *"(OptInRequired)"*)
      # EC2 is in every region; FSx is not, and where it is missing its endpoint has no DNS name.
      if [ "$service" = ec2 ]; then echo fatal; else echo unavailable; fi ;;
    *"(InvalidAction)"* | *"(UnsupportedOperation)"* | *"(UnknownOperationException)"* | \
      *"(NotImplemented)"* | *"not supported in this region"* | *"not available in this region"* | \
      *"An error occurred (500)"* | *"An error occurred (501)"* | *"An error occurred (502)"* | \
      *"An error occurred (503)"*)
      # A bare HTTP status instead of an AWS error code (AWS names its errors: InternalError,
      # ServiceUnavailable...) comes from an endpoint that does not implement the operation, such as
      # an emulator.
      echo unavailable ;;
    *) echo failed ;;
  esac
}

# call REGION NAME SERVICE COMMAND [ARGS...]: one read-only CLI call, run as a background job.
# Its output goes to $work/out/REGION/NAME.json, or nowhere on failure; its outcome is the file
# $work/st/REGION/NAME.{ok,skipped,failed}; a failure that dooms the region creates .../FATAL.
call() {
  local region=$1 name=$2 service=$3 command=$4
  shift 4
  local out="$work/out/$region/$name.json" st="$work/st/$region" err="$work/st/$region/$name.err"
  if [ -e "$st/FATAL" ]; then
    : >"$st/$name.failed"
    return 0
  fi
  if "${aws_cmd[@]}" --region "$region" "$service" "$command" "$@" >"$out" 2>"$err"; then
    # JSON output is never empty; an id listing in text is when there are no ids.
    case $name in _*) : >"$st/$name.ok"; return 0 ;; esac
    if [ -s "$out" ]; then
      : >"$st/$name.ok"
      return 0
    fi
    echo "the CLI printed nothing" >>"$err"
  fi
  rm -f "$out"
  local why
  why=$(first_line "$err" | sed -E 's/: *<(!doctype|!DOCTYPE|html|HTML).*$//' | cut -c1-300)
  case $(classify "$service" "$err") in
    unavailable)
      : >"$st/$name.skipped"
      warn "$region: $service $command skipped, not offered in this region or by this endpoint: $why" ;;
    fatal)
      : >"$st/$name.failed"
      if [ ! -e "$st/FATAL" ]; then
        : >"$st/FATAL"
        warn "$region: $service $command failed, giving up on this region: $why"
        if grep -q AuthFailure "$err"; then warn "$region: is this region enabled for the account?"; fi
      fi ;;
    *)
      : >"$st/$name.failed"
      warn "$region: $service $command failed: $why" ;;
  esac
}

# A pool of at most $jobs calls at once (bash 3.2 has no `wait -n`: wait for the oldest).
running=()
spawn() {
  if [ ${#running[@]} -ge "$jobs" ]; then
    wait "${running[0]}" || true
    running=("${running[@]:1}")
  fi
  "$@" &
  running+=($!)
}
drain() {
  local pid
  for pid in ${running[@]+"${running[@]}"}; do wait "$pid" || true; done
  running=()
}

# ids FILE: the ids in a `--output text` listing (tabs and newlines between them; "None" if empty).
ids() {
  if [ -s "$1" ]; then tr -s '[:space:]' '\n' <"$1" | grep -v '^None$' || true; fi
}

# --- export --------------------------------------------------------------------------------------
note "exporting account $account, ${#regions[@]} region(s): ${regions[*]}"
list_calls=(vpcs subnets route-tables security-groups network-acls network-interfaces instances
  vpc-peering-connections vpn-gateways nat-gateways vpc-endpoints managed-prefix-lists
  transit-gateways transit-gateway-attachments transit-gateway-vpc-attachments
  transit-gateway-peering-attachments transit-gateway-route-tables)

# 1. The listings, and the ids that the per-id calls need (JMESPath, no jq).
for region in "${regions[@]}"; do
  mkdir -p "$work/out/$region" "$work/st/$region"
  for c in "${list_calls[@]}"; do spawn call "$region" "ec2-describe-$c" ec2 "describe-$c"; done
  spawn call "$region" fsx-describe-file-systems fsx describe-file-systems
  spawn call "$region" fsx-describe-storage-virtual-machines fsx describe-storage-virtual-machines
  spawn call "$region" _tgw-rtb-ids ec2 describe-transit-gateway-route-tables \
    --query 'TransitGatewayRouteTables[].TransitGatewayRouteTableId' --output text
  # AWS-managed lists (OwnerId "AWS": S3, DynamoDB...) hold AWS's addresses, not the account's routes.
  spawn call "$region" _pl-ids ec2 describe-managed-prefix-lists \
    --query "PrefixLists[?OwnerId!='AWS'].PrefixListId" --output text
done
drain

# 2. Per transit gateway route table and per customer-managed prefix list.
for region in "${regions[@]}"; do
  stage="$work/out/$region"
  if [ -e "$work/st/$region/FATAL" ]; then continue; fi
  for id in $(ids "$stage/_tgw-rtb-ids.json"); do
    if ! [[ "$id" =~ ^tgw-rtb-[0-9a-zA-Z]+$ ]]; then
      warn "$region: unexpected route table id '$id' ignored"
      continue
    fi
    spawn call "$region" "ec2-search-transit-gateway-routes.$id" ec2 search-transit-gateway-routes \
      --transit-gateway-route-table-id "$id" --filters Name=state,Values=active,blackhole
    spawn call "$region" "ec2-get-transit-gateway-route-table-associations.$id" ec2 \
      get-transit-gateway-route-table-associations --transit-gateway-route-table-id "$id"
    spawn call "$region" "ec2-get-transit-gateway-route-table-propagations.$id" ec2 \
      get-transit-gateway-route-table-propagations --transit-gateway-route-table-id "$id"
  done
  for id in $(ids "$stage/_pl-ids.json"); do
    if ! [[ "$id" =~ ^pl-[0-9a-zA-Z]+$ ]]; then
      warn "$region: unexpected prefix list id '$id' ignored"
      continue
    fi
    spawn call "$region" "ec2-get-managed-prefix-list-entries.$id" ec2 \
      get-managed-prefix-list-entries --prefix-list-id "$id"
  done
done
drain

# 3. Per region: replace the previous export (stale per-id files included) with the new one. A
# region where nothing could be read, or that was given up, keeps its previous export, if any.
count() { # count DIR SUFFIX [all]: outcome files of the calls that write a file, or of all calls
  local n=0 f
  for f in "$1"/*"$2"; do
    case $f in */_* ) if [ "${3:-}" != all ]; then continue; fi ;; esac
    if [ -e "$f" ]; then n=$((n + 1)); fi
  done
  echo "$n"
}
total_written=0 total_failed=0 bad_regions=()
for region in "${regions[@]}"; do
  stage="$work/out/$region" st="$work/st/$region"
  # A failed id listing counts as a failure too: the per-id files it would have led to are missing.
  written=$(count "$st" .ok) skipped=$(count "$st" .skipped) failed=$(count "$st" .failed all)
  for routes in "$stage"/ec2-search-transit-gateway-routes.*.json; do
    if [ -e "$routes" ] &&
      grep -Eq '"AdditionalRoutesAvailable"[[:space:]]*:[[:space:]]*true' "$routes"; then
      id=${routes##*/ec2-search-transit-gateway-routes.}
      warn "$region: ${id%.json} has more active or blackhole routes than one search returns" \
        "(1000); the export holds the first ones only, so reachlint may miss some of its routes"
    fi
  done
  # An AWS CLI older than FSx for OpenZFS Multi-AZ (August 2023; Debian 12's awscli 2.9 is) does not
  # know EndpointIpAddressRange, RouteTableIds... and silently drops them from its output.
  fsx="$stage/fsx-describe-file-systems.json"
  if [ -s "$fsx" ] && command -v jq >/dev/null 2>&1 &&
    ! jq -e '[.FileSystems[]? | (.OpenZFSConfiguration // .OntapConfiguration // {})
        | select((.DeploymentType // "") | startswith("MULTI_AZ")) | has("EndpointIpAddressRange")]
        | all' "$fsx" >/dev/null 2>&1; then
    warn "$region: a Multi-AZ file system has no EndpointIpAddressRange in the CLI's output: this" \
      "AWS CLI ($(aws --version 2>&1 | cut -d' ' -f1)) is probably too old to know the fields" \
      "reachlint needs (RouteTableIds, EndpointIpAddress...); upgrade it and export again"
  fi
  if [ -e "$st/FATAL" ] || [ "$written" -eq 0 ]; then
    note "$region: not exported ($failed call(s) failed or not attempted, $skipped skipped)"
    bad_regions+=("$region")
    continue
  fi
  dest="$account_dir/$region"
  mkdir -p "$dest"
  for f in "$dest"/ec2-*.json "$dest"/fsx-*.json; do
    if [ -e "$f" ]; then rm -f "$f"; fi
  done
  rm -f "$stage"/_*.json
  mv -f "$stage"/*.json "$dest/"
  total_written=$((total_written + written))
  total_failed=$((total_failed + failed))
  if [ "$failed" -gt 0 ]; then bad_regions+=("$region"); fi
  note "$region: $written file(s) written, $skipped call(s) skipped as unavailable, $failed failed"
done

note "wrote $total_written file(s) for account $account in ${#regions[@]} region(s) to $account_dir"
if [ ${#bad_regions[@]} -gt 0 ]; then
  die 1 "export incomplete in ${#bad_regions[@]} region(s): ${bad_regions[*]}; see the warnings above"
fi

#!/usr/bin/env bash
# End-to-end test of scripts/export-account.sh against moto_server on 127.0.0.1 (never real AWS):
# builds a small topology like the corpus's tgw-ok scenario with the AWS CLI (plus, off the path, a
# NAT gateway, an S3 gateway endpoint and a transit gateway peering attachment), exports it, checks
# the layout, every file's top-level key and the per-id files, then runs reachlint on the export if
# the binary exists. Exit 0 pass, 1 fail, 77 skipped (CTest's SKIP_RETURN_CODE).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reachlint=${REACHLINT:-$root/build/reachlint}
case $reachlint in /*) ;; *) reachlint="$PWD/$reachlint" ;; esac
region=ap-northeast-1

fail() {
  printf 'export_account_test: FAIL: %s\n' "$*" >&2
  exit 1
}
skip() {
  printf 'export_account_test: SKIP: %s\n' "$*" >&2
  exit 77
}
say() { printf 'export_account_test: %s\n' "$*" >&2; }

for tool in aws moto_server jq; do
  command -v "$tool" >/dev/null 2>&1 || skip "'$tool' is not installed"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/export_account_test.XXXXXX")
# A pyenv shim costs ~0.15 s per call, a third of a CLI call; this test makes about 75 of them.
case $(command -v aws) in
  */shims/aws)
    if real=$(pyenv which aws 2>/dev/null) && [ -x "$real" ]; then
      mkdir -p "$tmp/bin"
      ln -s "$real" "$tmp/bin/aws"
      PATH="$tmp/bin:$PATH"
    fi ;;
esac
moto_pid=""
bg_pids=()
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  local pid
  for pid in ${bg_pids[@]+"${bg_pids[@]}"}; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- a fake account: nothing from $HOME, nothing but 127.0.0.1 -------------------------------------
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION AWS_SESSION_TOKEN AWS_SECURITY_TOKEN \
  AWS_ROLE_ARN AWS_WEB_IDENTITY_TOKEN_FILE AWS_CA_BUNDLE AWS_ENDPOINT_URL_STS AWS_ENDPOINT_URL_EC2 \
  AWS_ENDPOINT_URL_FSX AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_CONTAINER_CREDENTIALS_FULL_URI
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_DEFAULT_REGION=$region
export AWS_CONFIG_FILE="$tmp/aws-config" AWS_SHARED_CREDENTIALS_FILE="$tmp/aws-credentials"
: >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER="" AWS_CLI_AUTO_PROMPT=off
export AWS_MAX_ATTEMPTS=2 AWS_RETRY_MODE=standard
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1

# --- moto_server on a free port ------------------------------------------------------------------
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    echo $((20000 + RANDOM % 40000))
  fi
}
port=""
for attempt in 1 2 3 4 5; do
  p=$(free_port)
  : >"$tmp/moto.log"
  moto_server -H 127.0.0.1 -p "$p" >"$tmp/moto.log" 2>&1 &
  moto_pid=$!
  for _ in $(seq 1 150); do # up to 15 s
    kill -0 "$moto_pid" 2>/dev/null || break
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && kill -0 "$moto_pid" 2>/dev/null; then
      port=$p
      break
    fi
    sleep 0.1
  done
  [ -n "$port" ] && break
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  moto_pid=""
  say "moto_server did not start on port $p (attempt $attempt): $(tail -n 3 "$tmp/moto.log")"
done
[ -n "$port" ] || fail "moto_server would not start"
endpoint="http://127.0.0.1:$port"
# Every call of this test and of the script goes to moto, even one that forgot --endpoint-url.
export AWS_ENDPOINT_URL=$endpoint

# The topology is built in stages; the calls of a stage run at once (each CLI call costs ~0.4 s).
# bg VAR ARGS...: one CLI call against moto in the background; its --query result (text) goes to
# VAR when settle has waited for the stage. VAR "-" drops the output. VAR "?NAME": a call this moto
# may not implement; if it fails, NAME is left empty and the error kept in $tmp/optional.NAME.err.
# bg_in REGION VAR ARGS...: the same in another region.
bg_pids=() bg_vars=()
bg() { bg_in "$region" "$@"; }
bg_in() {
  local at=$1 var=$2 n=${#bg_pids[@]}
  shift 2
  (aws --endpoint-url "$endpoint" --region "$at" --output text "$@" >"$tmp/bg.$n.out" 2>"$tmp/bg.$n.err" ||
    { echo "aws $1 $2: $(cat "$tmp/bg.$n.err")" >"$tmp/bg.$n.failed"; exit 1; }) &
  bg_pids+=($!)
  bg_vars+=("$var")
}
settle() {
  local i bad=false var
  for i in "${!bg_pids[@]}"; do
    if ! wait "${bg_pids[$i]}"; then
      case ${bg_vars[$i]} in
        \?*) mv "$tmp/bg.$i.failed" "$tmp/optional.${bg_vars[$i]#\?}.err"; : >"$tmp/bg.$i.out" ;;
        *) bad=true ;;
      esac
    fi
  done
  if $bad; then fail "$(cat "$tmp"/bg.*.failed)"; fi
  for i in "${!bg_pids[@]}"; do
    var=${bg_vars[$i]#\?}
    if [ "$var" != - ]; then printf -v "$var" '%s' "$(cat "$tmp/bg.$i.out")"; fi
  done
  rm -f "$tmp"/bg.*
  bg_pids=() bg_vars=()
}
tags() { # tags TYPE NAME: a --tag-specifications argument
  echo "ResourceType=$1,Tags=[{Key=Name,Value=$2},{Key=scenario,Value=tgw-ok}]"
}

# --- the topology: tgw-ok with physical ids ------------------------------------------------------
say "moto_server on $endpoint; building the topology"
start=$SECONDS
# Set by settle.
vpc1="" vpc2="" tgw="" ami="" pl="" sub_a="" sub_c="" sub_cl="" rt_a="" rt_c="" rt_cl="" sg_fsx=""
sg_cl="" tgw_rtb2="" att1="" att2="" eni_a="" peer_tgw="" eip="" igw="" sub_pub="" rt_pub="" nat=""
vpce="" peering="" accepted=""
# The far side of the transit gateway peering, in a region the export leaves out.
peer_region=us-east-1
# Stage 1: VPCs, the transit gateway (default association, propagation off: moto creates no
# propagated routes), an AMI, a customer-managed prefix list; for the FSx VPC's internet egress an
# internet gateway and an Elastic IP; the peer transit gateway.
bg vpc1 ec2 create-vpc --cidr-block 10.0.0.0/16 --tag-specifications "$(tags vpc vpc1-fsx)" \
  --query 'Vpc.[VpcId,OwnerId]'
bg vpc2 ec2 create-vpc --cidr-block 10.1.0.0/16 --tag-specifications "$(tags vpc vpc2-client)" \
  --query Vpc.VpcId
bg tgw ec2 create-transit-gateway --description "tgw for FSx cross-VPC NFS" \
  --options DefaultRouteTableAssociation=enable,DefaultRouteTablePropagation=disable \
  --tag-specifications "$(tags transit-gateway tgw-fsx)" \
  --query 'TransitGateway.[TransitGatewayId,Options.AssociationDefaultRouteTableId]'
bg ami ec2 describe-images --owners amazon --query 'Images[0].ImageId'
bg pl ec2 create-managed-prefix-list --prefix-list-name nfs-clients --address-family IPv4 \
  --max-entries 5 --entries Cidr=10.1.0.0/16,Description=client-vpc --query PrefixList.PrefixListId
bg igw ec2 create-internet-gateway --tag-specifications "$(tags internet-gateway igw-vpc1)" \
  --query InternetGateway.InternetGatewayId
bg eip ec2 allocate-address --domain vpc --query AllocationId
bg_in "$peer_region" peer_tgw ec2 create-transit-gateway --description "peer tgw" \
  --tag-specifications "$(tags transit-gateway tgw-peer)" --query TransitGateway.TransitGatewayId
settle
read -r vpc1 account <<<"$vpc1"
read -r tgw tgw_rtb <<<"$tgw"
[[ "$account" =~ ^[0-9]{12}$ ]] || fail "moto's account id is '$account'"
[[ "$tgw_rtb" == tgw-rtb-* ]] || fail "moto gave no default TGW route table: '$tgw_rtb'"

# Stage 2: subnets in two AZs, route tables, security groups, a second (empty) TGW route table; a
# public subnet for the NAT gateway; the transit gateway peering attachment (if moto has it).
bg sub_a ec2 create-subnet --vpc-id "$vpc1" --cidr-block 10.0.1.0/24 --availability-zone "${region}a" \
  --tag-specifications "$(tags subnet vpc1-fsx-private-a)" --query Subnet.SubnetId
bg sub_c ec2 create-subnet --vpc-id "$vpc1" --cidr-block 10.0.2.0/24 --availability-zone "${region}c" \
  --tag-specifications "$(tags subnet vpc1-fsx-private-c)" --query Subnet.SubnetId
bg sub_cl ec2 create-subnet --vpc-id "$vpc2" --cidr-block 10.1.1.0/24 --availability-zone "${region}a" \
  --tag-specifications "$(tags subnet vpc2-client-a)" --query Subnet.SubnetId
bg rt_a ec2 create-route-table --vpc-id "$vpc1" --query RouteTable.RouteTableId
bg rt_c ec2 create-route-table --vpc-id "$vpc1" --query RouteTable.RouteTableId
bg rt_cl ec2 create-route-table --vpc-id "$vpc2" --query RouteTable.RouteTableId
bg sg_fsx ec2 create-security-group --vpc-id "$vpc1" --group-name fsx-openzfs-sg \
  --description "FSx for OpenZFS" --query GroupId
bg sg_cl ec2 create-security-group --vpc-id "$vpc2" --group-name nfs-client-sg \
  --description "NFS client" --query GroupId
bg tgw_rtb2 ec2 create-transit-gateway-route-table --transit-gateway-id "$tgw" \
  --query TransitGatewayRouteTable.TransitGatewayRouteTableId
bg sub_pub ec2 create-subnet --vpc-id "$vpc1" --cidr-block 10.0.0.0/24 --availability-zone "${region}a" \
  --tag-specifications "$(tags subnet vpc1-public-a)" --query Subnet.SubnetId
bg rt_pub ec2 create-route-table --vpc-id "$vpc1" --query RouteTable.RouteTableId
bg - ec2 attach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc1"
bg '?peering' ec2 create-transit-gateway-peering-attachment --transit-gateway-id "$tgw" \
  --peer-transit-gateway-id "$peer_tgw" --peer-account-id "$account" --peer-region "$peer_region" \
  --tag-specifications "$(tags transit-gateway-attachment tgw-peering)" \
  --query TransitGatewayPeeringAttachment.TransitGatewayAttachmentId
settle

# Stage 3: associations, attachments, NFS rules over TCP and UDP (111, 2049, 20001-20003) from the
# client VPC, the client instance, stand-ins for the two file-server ENIs (moto's FSx creates none)
# and the file system; a public NAT gateway, an S3 gateway endpoint on the client's route table, and
# the peer's acceptance of the peering attachment.
bg - ec2 associate-route-table --route-table-id "$rt_a" --subnet-id "$sub_a"
bg - ec2 associate-route-table --route-table-id "$rt_pub" --subnet-id "$sub_pub"
bg nat ec2 create-nat-gateway --subnet-id "$sub_pub" --allocation-id "$eip" --connectivity-type public \
  --tag-specifications "$(tags natgateway nat-vpc1)" --query NatGateway.NatGatewayId
bg vpce ec2 create-vpc-endpoint --vpc-id "$vpc2" --vpc-endpoint-type Gateway \
  --service-name "com.amazonaws.$region.s3" --route-table-ids "$rt_cl" \
  --tag-specifications "$(tags vpc-endpoint vpce-s3-vpc2)" --query VpcEndpoint.VpcEndpointId
if [ -n "$peering" ]; then
  bg_in "$peer_region" '?accepted' ec2 accept-transit-gateway-peering-attachment \
    --transit-gateway-attachment-id "$peering" --query TransitGatewayPeeringAttachment.State
else
  say "this moto cannot create a transit gateway peering attachment; the export will hold none:" \
    "$(grep -m 1 . "$tmp/optional.peering.err" || true)"
fi
bg - ec2 associate-route-table --route-table-id "$rt_c" --subnet-id "$sub_c"
bg - ec2 associate-route-table --route-table-id "$rt_cl" --subnet-id "$sub_cl"
bg att1 ec2 create-transit-gateway-vpc-attachment --transit-gateway-id "$tgw" --vpc-id "$vpc1" \
  --subnet-ids "$sub_a" "$sub_c" --tag-specifications "$(tags transit-gateway-attachment tgw-attach-vpc1)" \
  --query TransitGatewayVpcAttachment.TransitGatewayAttachmentId
bg att2 ec2 create-transit-gateway-vpc-attachment --transit-gateway-id "$tgw" --vpc-id "$vpc2" \
  --subnet-ids "$sub_cl" --tag-specifications "$(tags transit-gateway-attachment tgw-attach-vpc2)" \
  --query TransitGatewayVpcAttachment.TransitGatewayAttachmentId
perms=""
for proto in tcp udp; do
  for range in 111:111 2049:2049 20001:20003; do
    perms+="{\"IpProtocol\":\"$proto\",\"FromPort\":${range%:*},\"ToPort\":${range#*:},"
    perms+="\"IpRanges\":[{\"CidrIp\":\"10.1.0.0/16\",\"Description\":\"NFS clients\"}]},"
  done
done
bg - ec2 authorize-security-group-ingress --group-id "$sg_fsx" --ip-permissions "[${perms%,}]"
bg - ec2 run-instances --image-id "$ami" --instance-type t3.micro --subnet-id "$sub_cl" \
  --private-ip-address 10.1.1.10 --security-group-ids "$sg_cl" \
  --tag-specifications "$(tags instance nfs-client)"
bg eni_a ec2 create-network-interface --subnet-id "$sub_a" --private-ip-address 10.0.1.100 \
  --groups "$sg_fsx" --description "FSx file server ENI (preferred, stand-in)" \
  --query NetworkInterface.NetworkInterfaceId
bg - ec2 create-network-interface --subnet-id "$sub_c" --private-ip-address 10.0.2.100 \
  --groups "$sg_fsx" --description "FSx file server ENI (standby, stand-in)"
fs=""
(aws --endpoint-url "$endpoint" --region "$region" --output text fsx create-file-system \
  --file-system-type OPENZFS --storage-capacity 64 --storage-type SSD --subnet-ids "$sub_a" "$sub_c" \
  --security-group-ids "$sg_fsx" --tags Key=Name,Value=fsx-openzfs-multiaz \
  --open-zfs-configuration "DeploymentType=MULTI_AZ_1,ThroughputCapacity=160,PreferredSubnetId=$sub_a,EndpointIpAddressRange=10.0.255.224/28,RouteTableIds=[$rt_a,$rt_c]" \
  --query FileSystem.FileSystemId >"$tmp/fsx.out" 2>"$tmp/fsx.err" || true) &
fs_pid=$!
settle
wait "$fs_pid"
fs=$(cat "$tmp/fsx.out")
if [ -z "$fs" ]; then
  say "this moto or AWS CLI cannot create an FSx for OpenZFS Multi-AZ file system; the export will" \
    "hold none: $(grep -m 1 . "$tmp/fsx.err" || true)"
elif [[ "$fs" != fs-* ]]; then
  fail "fsx create-file-system printed '$fs'"
fi

# Stage 4: routes. TGW: static routes both ways and a blackhole; VPCs: to the TGW, and the floating
# endpoint's /32 to the preferred ENI, as FSx writes it into the route tables in RouteTableIds; the
# FSx subnets' default route to the NAT gateway, the public subnet's to the internet gateway. (The
# S3 endpoint's prefix-list route in the client's table was written by create-vpc-endpoint.)
bg - ec2 create-transit-gateway-route --transit-gateway-route-table-id "$tgw_rtb" \
  --destination-cidr-block 10.0.0.0/16 --transit-gateway-attachment-id "$att1"
bg - ec2 create-transit-gateway-route --transit-gateway-route-table-id "$tgw_rtb" \
  --destination-cidr-block 10.1.0.0/16 --transit-gateway-attachment-id "$att2"
bg - ec2 create-transit-gateway-route --transit-gateway-route-table-id "$tgw_rtb" \
  --destination-cidr-block 10.99.0.0/16 --blackhole
bg - ec2 create-route --route-table-id "$rt_a" --destination-cidr-block 10.1.0.0/16 --transit-gateway-id "$tgw"
bg - ec2 create-route --route-table-id "$rt_c" --destination-cidr-block 10.1.0.0/16 --transit-gateway-id "$tgw"
bg - ec2 create-route --route-table-id "$rt_cl" --destination-cidr-block 10.0.0.0/16 --transit-gateway-id "$tgw"
bg - ec2 create-route --route-table-id "$rt_a" --destination-cidr-block 10.0.255.231/32 \
  --network-interface-id "$eni_a"
bg - ec2 create-route --route-table-id "$rt_c" --destination-cidr-block 10.0.255.231/32 \
  --network-interface-id "$eni_a"
bg - ec2 create-route --route-table-id "$rt_a" --destination-cidr-block 0.0.0.0/0 --nat-gateway-id "$nat"
bg - ec2 create-route --route-table-id "$rt_c" --destination-cidr-block 0.0.0.0/0 --nat-gateway-id "$nat"
bg - ec2 create-route --route-table-id "$rt_pub" --destination-cidr-block 0.0.0.0/0 --gateway-id "$igw"
settle
if [ -n "$peering" ] && [ "$accepted" != available ]; then
  say "the peer did not accept $peering (${accepted:-$(grep -m 1 . "$tmp/optional.accepted.err" || true)});" \
    "it is exported as it is"
fi
say "topology built in $((SECONDS - start)) s: account $account, $vpc1 $vpc2 $tgw $tgw_rtb $tgw_rtb2" \
  "$nat $vpce ${peering:-no-peering} ${fs:-no-fs}"

# --- usage and real failures ---------------------------------------------------------------------
script="$root/scripts/export-account.sh"
expect_exit() { # expect_exit CODE WHAT COMMAND...
  local code=$1 what=$2 rc=0
  shift 2
  "$@" >"$tmp/x.out" 2>"$tmp/x.err" || rc=$?
  [ "$rc" -eq "$code" ] || fail "$what: exit $rc, expected $code; stderr: $(cat "$tmp/x.err")"
  [ ! -s "$tmp/x.out" ] || fail "$what: printed on stdout: $(cat "$tmp/x.out")"
}
expect_exit 2 "no OUTDIR" "$script" --endpoint-url "$endpoint"
expect_exit 2 "unknown option" "$script" --bogus "$tmp/x"
expect_exit 2 "bad region" "$script" --endpoint-url "$endpoint" --region 'ap/../x' "$tmp/x"
expect_exit 1 "no credentials" env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY \
  "$script" --endpoint-url "$endpoint" --region "$region" "$tmp/nocreds"
grep -q "credentials" "$tmp/x.err" || fail "no credentials: the message does not say so: $(cat "$tmp/x.err")"
closed=$(free_port)
expect_exit 1 "unreachable endpoint" env AWS_ENDPOINT_URL="http://127.0.0.1:$closed" \
  "$script" --endpoint-url "http://127.0.0.1:$closed" --region "$region" "$tmp/unreachable"
if [ -e "$tmp/nocreds/accounts" ] || [ -e "$tmp/unreachable/accounts" ]; then
  fail "a failed export left an accounts/ folder"
fi

# --- the export ----------------------------------------------------------------------------------
out="$tmp/export"
dir="$out/accounts/$account/$region"
# A file of an earlier export whose route table is gone must not survive a new export.
mkdir -p "$dir"
echo '{"Routes": []}' >"$dir/ec2-search-transit-gateway-routes.tgw-rtb-0000000000000stale.json"
start=$SECONDS
if ! "$script" --endpoint-url "$endpoint" --region "$region" "$out" >"$tmp/export.out" 2>"$tmp/export.err"; then
  fail "export-account.sh failed: $(cat "$tmp/export.err")"
fi
say "exported in $((SECONDS - start)) s"
[ ! -s "$tmp/export.out" ] || fail "export-account.sh printed on stdout: $(cat "$tmp/export.out")"
grep -q "wrote [0-9]* file(s) for account $account in 1 region(s)" "$tmp/export.err" ||
  fail "no summary on stderr: $(cat "$tmp/export.err")"

# Layout: accounts/<id>/<region>/ and nothing else.
[ "$(ls "$out")" = accounts ] || fail "OUTDIR holds $(ls "$out"), not just accounts/"
[ "$(ls "$out/accounts")" = "$account" ] || fail "accounts/ holds $(ls "$out/accounts")"
[ "$(ls "$out/accounts/$account")" = "$region" ] || fail "accounts/$account/ holds $(ls "$out/accounts/$account")"

# has_key FILE KEY: FILE exists, is one JSON object, and has KEY at the top level.
has_key() {
  [ -f "$dir/$1" ] || fail "$1 is missing; stderr of the export: $(cat "$tmp/export.err")"
  jq -e --arg k "$2" 'type == "object" and has($k)' "$dir/$1" >/dev/null 2>&1 ||
    fail "$1 is not a JSON object with the top-level key $2: $(head -c 300 "$dir/$1")"
}
expected=(
  ec2-describe-vpcs:Vpcs
  ec2-describe-subnets:Subnets
  ec2-describe-route-tables:RouteTables
  ec2-describe-security-groups:SecurityGroups
  ec2-describe-network-acls:NetworkAcls
  ec2-describe-network-interfaces:NetworkInterfaces
  ec2-describe-instances:Reservations
  ec2-describe-vpc-peering-connections:VpcPeeringConnections
  ec2-describe-vpn-gateways:VpnGateways
  ec2-describe-nat-gateways:NatGateways
  ec2-describe-vpc-endpoints:VpcEndpoints
  ec2-describe-managed-prefix-lists:PrefixLists
  ec2-describe-transit-gateways:TransitGateways
  ec2-describe-transit-gateway-attachments:TransitGatewayAttachments
  ec2-describe-transit-gateway-vpc-attachments:TransitGatewayVpcAttachments
  ec2-describe-transit-gateway-route-tables:TransitGatewayRouteTables
  fsx-describe-file-systems:FileSystems
)
# expect_unless_skipped SERVICE COMMAND KEY: a call this moto may not implement. moto 5.2 does not
# implement fsx describe-storage-virtual-machines (HTTP 500): the script must then skip it with a
# warning, as it does where AWS does not offer FSx, instead of failing.
expect_unless_skipped() {
  local file="$1-$2"
  if grep -q "warning: $region: $1 $2 skipped" "$tmp/export.err"; then
    [ ! -e "$dir/$file.json" ] || fail "$file.json written although the call was skipped"
    say "moto lacks $1 $2; skipped by the script as expected"
  else
    expected+=("$file:$3")
  fi
}
expect_unless_skipped fsx describe-storage-virtual-machines StorageVirtualMachines
if [ -n "$peering" ]; then
  expected+=(ec2-describe-transit-gateway-peering-attachments:TransitGatewayPeeringAttachments)
else
  expect_unless_skipped ec2 describe-transit-gateway-peering-attachments TransitGatewayPeeringAttachments
fi
for e in "${expected[@]}"; do has_key "${e%%:*}.json" "${e#*:}"; done

# Per transit gateway route table: exactly the tables described, three files each.
rtbs=$(jq -r '.TransitGatewayRouteTables[].TransitGatewayRouteTableId' \
  "$dir/ec2-describe-transit-gateway-route-tables.json" | sort)
[ "$rtbs" = "$(printf '%s\n' "$tgw_rtb" "$tgw_rtb2" | sort)" ] ||
  fail "TGW route tables exported: $rtbs; created: $tgw_rtb $tgw_rtb2"
for id in $rtbs; do
  has_key "ec2-search-transit-gateway-routes.$id.json" Routes
  has_key "ec2-get-transit-gateway-route-table-associations.$id.json" Associations
  has_key "ec2-get-transit-gateway-route-table-propagations.$id.json" TransitGatewayRouteTablePropagations
done
[ ! -e "$dir/ec2-search-transit-gateway-routes.tgw-rtb-0000000000000stale.json" ] ||
  fail "a stale file of an earlier export survived"
routes=$(jq -r '[.Routes[] | "\(.DestinationCidrBlock)=\(.State)"] | sort | join(" ")' \
  "$dir/ec2-search-transit-gateway-routes.$tgw_rtb.json")
[ "$routes" = "10.0.0.0/16=active 10.1.0.0/16=active 10.99.0.0/16=blackhole" ] ||
  fail "routes of $tgw_rtb: '$routes'"
assocs=$(jq -r '[.Associations[].TransitGatewayAttachmentId] | sort | join(" ")' \
  "$dir/ec2-get-transit-gateway-route-table-associations.$tgw_rtb.json")
[ "$assocs" = "$(printf '%s\n' "$att1" "$att2" | sort | paste -sd ' ' -)" ] ||
  fail "associations of $tgw_rtb: '$assocs'"

# Per customer-managed prefix list only (moto, like AWS, also lists AWS-managed ones).
pls=$(jq -r '[.PrefixLists[] | select(.OwnerId != "AWS") | .PrefixListId] | sort | join(" ")' \
  "$dir/ec2-describe-managed-prefix-lists.json")
[ "$pls" = "$pl" ] || fail "customer-managed prefix lists exported: '$pls', created: $pl"
has_key "ec2-get-managed-prefix-list-entries.$pl.json" Entries
[ "$(jq -r '[.Entries[].Cidr] | join(" ")' "$dir/ec2-get-managed-prefix-list-entries.$pl.json")" = 10.1.0.0/16 ] ||
  fail "entries of $pl: $(cat "$dir/ec2-get-managed-prefix-list-entries.$pl.json")"

# The data is the account's: a few values.
jq -e '[.Vpcs[].CidrBlock] | contains(["10.0.0.0/16", "10.1.0.0/16"])' "$dir/ec2-describe-vpcs.json" \
  >/dev/null || fail "VPC CIDRs: $(jq -c '[.Vpcs[].CidrBlock]' "$dir/ec2-describe-vpcs.json")"
jq -e --arg i 10.1.1.10 '[.Reservations[].Instances[].PrivateIpAddress] | index($i)' \
  "$dir/ec2-describe-instances.json" >/dev/null || fail "the client instance is not in the export"
jq -e --arg g "$sg_fsx" '.SecurityGroups[] | select(.GroupId == $g) | .IpPermissions | length == 6' \
  "$dir/ec2-describe-security-groups.json" >/dev/null || fail "$sg_fsx does not hold its six NFS rules"
if [ -n "$fs" ]; then
  jq -e --arg f "$fs" '.FileSystems[] | select(.FileSystemId == $f)
      | .OpenZFSConfiguration.DeploymentType == "MULTI_AZ_1"' \
    "$dir/fsx-describe-file-systems.json" >/dev/null ||
    fail "$fs is not exported as MULTI_AZ_1: $(cat "$dir/fsx-describe-file-systems.json")"
fi

# The NAT gateway, the S3 gateway endpoint and its route, the peering attachment.
jq -e --arg n "$nat" --arg s "$sub_pub" '.NatGateways[] | select(.NatGatewayId == $n)
    | .SubnetId == $s and (.ConnectivityType // "public") == "public"' \
  "$dir/ec2-describe-nat-gateways.json" >/dev/null ||
  fail "$nat is not exported as a public NAT gateway in $sub_pub: $(cat "$dir/ec2-describe-nat-gateways.json")"
jq -e --arg rt "$rt_a" --arg n "$nat" '.RouteTables[] | select(.RouteTableId == $rt) | .Routes
    | any(.DestinationCidrBlock == "0.0.0.0/0" and .NatGatewayId == $n)' \
  "$dir/ec2-describe-route-tables.json" >/dev/null || fail "$rt_a has no default route to $nat"
jq -e --arg e "$vpce" --arg svc "com.amazonaws.$region.s3" --arg rt "$rt_cl" \
  '.VpcEndpoints[] | select(.VpcEndpointId == $e)
    | .VpcEndpointType == "Gateway" and .ServiceName == $svc and (.RouteTableIds | index($rt) != null)' \
  "$dir/ec2-describe-vpc-endpoints.json" >/dev/null ||
  fail "$vpce is not exported as the S3 gateway endpoint of $rt_cl: $(cat "$dir/ec2-describe-vpc-endpoints.json")"
# Its route goes to the AWS-managed S3 list, whose entries are not exported (AWS's addresses).
s3_list=$(jq -r --arg rt "$rt_cl" --arg e "$vpce" '.RouteTables[] | select(.RouteTableId == $rt)
    | .Routes[] | select(.GatewayId == $e) | .DestinationPrefixListId // empty' \
  "$dir/ec2-describe-route-tables.json")
[[ "$s3_list" == pl-* ]] || fail "$rt_cl has no prefix-list route to $vpce"
jq -e --arg p "$s3_list" '.PrefixLists[] | select(.PrefixListId == $p) | .OwnerId == "AWS"' \
  "$dir/ec2-describe-managed-prefix-lists.json" >/dev/null || fail "$s3_list is not listed as AWS-managed"
[ ! -e "$dir/ec2-get-managed-prefix-list-entries.$s3_list.json" ] ||
  fail "the entries of the AWS-managed list $s3_list were exported"
if [ -n "$peering" ]; then
  jq -e --arg a "$peering" --arg t "$tgw" --arg p "$peer_tgw" '.TransitGatewayPeeringAttachments[]
      | select(.TransitGatewayAttachmentId == $a)
      | .RequesterTgwInfo.TransitGatewayId == $t and .AccepterTgwInfo.TransitGatewayId == $p' \
    "$dir/ec2-describe-transit-gateway-peering-attachments.json" >/dev/null ||
    fail "$peering is not exported: $(cat "$dir/ec2-describe-transit-gateway-peering-attachments.json")"
fi

# Nothing else in the folder: no temporary or id-listing files.
while IFS= read -r f; do
  case $f in
    ec2-*.json | fsx-*.json) jq -e 'type == "object"' "$dir/$f" >/dev/null 2>&1 || fail "$f is not a JSON object" ;;
    *) fail "unexpected file in the export: $f" ;;
  esac
done < <(ls -A "$dir")
nfiles=$(find "$dir" -type f | wc -l | tr -d ' ')
say "export OK: $nfiles files in accounts/$account/$region"
# EXPORT_ACCOUNT_TEST_KEEP=DIR keeps a copy of the export (and the script's stderr) for a look.
if [ -n "${EXPORT_ACCOUNT_TEST_KEEP:-}" ]; then
  mkdir -p "$EXPORT_ACCOUNT_TEST_KEEP"
  cp -R "$out/." "$EXPORT_ACCOUNT_TEST_KEEP/"
  cp "$tmp/export.err" "$EXPORT_ACCOUNT_TEST_KEEP/export-account.stderr"
fi

# --- reachlint on the export, if it is built -----------------------------------------------------
if [ -x "$reachlint" ]; then
  rc=0
  "$reachlint" "$out" >"$tmp/reachlint.out" 2>"$tmp/reachlint.err" || rc=$?
  if grep -qi "not supported yet" "$tmp/reachlint.out" "$tmp/reachlint.err"; then
    say "reachlint does not read account exports yet; not run on the export"
  else
    case $rc in
      0 | 1) say "reachlint on the export: exit $rc: $(tail -n 1 "$tmp/reachlint.out")" ;;
      2) fail "reachlint rejected the export as an input error (exit 2): $(cat "$tmp/reachlint.err" "$tmp/reachlint.out")" ;;
      *) fail "reachlint crashed on the export (exit $rc): $(cat "$tmp/reachlint.err")" ;;
    esac
    # The NAT gateway, the S3 gateway endpoint and the peering attachment lie off every path
    # between the client and the file system: their files must be read without a problem, and
    # change neither the exit status nor a finding.
    added=(ec2-describe-nat-gateways ec2-describe-vpc-endpoints ec2-describe-transit-gateway-peering-attachments)
    without="$tmp/without"
    cp -R "$out" "$without"
    for f in "${added[@]}"; do rm -f "$without/accounts/$account/$region/$f.json"; done
    with_rc=0 without_rc=0
    "$reachlint" -f json "$out" >"$tmp/with.json" 2>"$tmp/with.err" || with_rc=$?
    "$reachlint" -f json "$without" >"$tmp/without.json" 2>"$tmp/without.err" || without_rc=$?
    [ "$with_rc" -eq "$rc" ] || fail "reachlint -f json exits $with_rc, reachlint $rc: $(cat "$tmp/with.err")"
    [ "$without_rc" -eq "$rc" ] ||
      fail "reachlint exits $rc on the export, $without_rc without ${added[*]}: $(cat "$tmp/without.err")"
    findings() { jq -S '[.findings[] | {rule, level, message, filesystem, client}]' "$1"; }
    [ "$(findings "$tmp/with.json")" = "$(findings "$tmp/without.json")" ] ||
      fail "the findings change with ${added[*]}: $(diff <(findings "$tmp/without.json") <(findings "$tmp/with.json"))"
    unread=$(jq -r '.notices[] | select(.location.uri | test("ec2-describe-(nat-gateways|vpc-endpoints)[.]json$"))
        | .message' "$tmp/with.json")
    [ -z "$unread" ] || fail "reachlint did not read the NAT gateway or VPC endpoint export: $unread"
    say "reachlint reads the NAT gateway and VPC endpoint exports; the findings and exit status are" \
      "those without them"
  fi
else
  say "no reachlint binary at $reachlint; not run on the export"
fi

echo "export_account_test: 1 passed, 0 failed"

#!/usr/bin/env bash
# Builds the seed corpora and dictionaries of the fuzz harnesses from fixtures/, fuzz/seeds/ and
# the foreign inputs under tests/ (tests/third-party) and the accounts of tests/corpus/real.
#   fuzz/make-seed-corpus.sh OUT     -> OUT/seeds/<harness>/..., OUT/dict/<harness>.dict
# Seeds are regenerated from scratch on every call (they are inputs, never written by libFuzzer).
# Multi-file seeds use the bundle format of fuzz/fuzz_common.h: "@@ <path>" header lines.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: fuzz/make-seed-corpus.sh OUT_DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
seeds=$out/seeds
rm -rf "$seeds" "$out/dict"
mkdir -p "$seeds"/{template,export,intrinsics,cidr,config,cli,parameters,terraform} "$out/dict"
cd "$root/fixtures"

# Appends FILE to bundle OUT under the header path NAME.
bundle_add() {  # OUT NAME FILE
  printf '@@ %s\n' "$2" >>"$1"
  cat "$3" >>"$1"
  # The newline before the next header belongs to the header: add one if the file lacks it.
  [ -z "$(tail -c1 "$3")" ] || printf '\n' >>"$1"
}

is_template() { grep -q '"Resources"' "$1"; }

# The shared modules (fixtures/.terraform-modules/NAME) a fixture's .tf calls (they call none).
terraform_modules() {  # FIXTURE_DIR
  grep -ohE '\.terraform-modules/[A-Za-z0-9_-]+' "$1"/*.tf | sed 's,.*/,,' | sort -u
}

for dir in */; do
  fixture=${dir%/}
  [ "$fixture" = cdk-app ] && continue
  # Every input file of the fixture, as fixtures_test.cpp gives them (minus its own files).
  mapfile -t files < <(find "$fixture" -type f ! -name expected.json ! -name README.md \
                         ! -name reachlint.toml ! -name fixture.toml ! -name '*.tf' \
                         ! -path '*/node_modules/*' |
                         sort)
  inputs=() exports=()
  for f in "${files[@]}"; do
    case $f in */export/*) exports+=("$f") ;; *) inputs+=("$f") ;; esac
  done

  # template: one file as such (given explicitly), several as a bundle (given as a directory).
  # A YAML file keeps its name (a bundle of one), so that mutations stay on the YAML path.
  if [ ${#inputs[@]} -eq 1 ] && [ "$(dirname "${inputs[0]}")" = "$fixture" ] &&
    [[ ${inputs[0]} != *.yaml && ${inputs[0]} != *.yml ]]; then
    cp "${inputs[0]}" "$seeds/template/$fixture"
  elif [ ${#inputs[@]} -gt 0 ]; then
    for f in "${inputs[@]}"; do bundle_add "$seeds/template/$fixture" "${f#"$fixture"/}" "$f"; done
  fi

  # intrinsics: each template alone, and the templates of a multi-stack fixture together.
  stacks=()
  for f in "${inputs[@]}"; do
    case $f in *.json | *.template) is_template "$f" && stacks+=("$f") ;; esac
  done
  for f in "${stacks[@]}"; do
    name=${f#"$fixture"/}
    cp "$f" "$seeds/intrinsics/$fixture--${name//\//_}"
  done
  if [ ${#stacks[@]} -gt 1 ]; then
    for f in "${stacks[@]}"; do
      stack=$(basename "$f"); stack=${stack%.json}; stack=${stack%.template}
      bundle_add "$seeds/intrinsics/$fixture--stacks" "$stack" "$f"
    done
  fi

  # export: the whole export (with the templates deployed into it), each file alone, and the
  # whole export again under an accounts/<id>/<region>/ layout.
  if [ ${#exports[@]} -gt 0 ]; then
    for f in "${exports[@]}" "${stacks[@]}"; do
      bundle_add "$seeds/export/$fixture" "${f#"$fixture"/}" "$f"
    done
    for f in "${exports[@]}"; do
      name=${f#"$fixture"/}
      bundle_add "$seeds/export/$fixture--${name//\//_}" "$name" "$f"
      case $name in
        */accounts/*) ;;
        *) bundle_add "$seeds/export/$fixture--accounts" \
             "accounts/111122223333/eu-west-1/$(basename "$f")" "$f" ;;
      esac
    done
  fi

  # terraform: the plans of the Terraform fixtures, alone and with the configuration they were
  # made from (the fixture's .tf and the shared local modules they call, as ../.terraform-modules/)
  if [ -f "$fixture/main.tf" ] && [ -f "$fixture/plan.json" ]; then
    cp "$fixture/plan.json" "$seeds/terraform/$fixture"
    bundle_add "$seeds/terraform/$fixture--tf" "$fixture/plan.json" "$fixture/plan.json"
    for f in "$fixture"/*.tf; do bundle_add "$seeds/terraform/$fixture--tf" "$f" "$f"; done
    for module in $(terraform_modules "$fixture"); do
      for f in ".terraform-modules/$module"/*.tf; do
        bundle_add "$seeds/terraform/$fixture--tf" "$f" "$f"
      done
    done
  fi

  # config
  if [ -f "$fixture/reachlint.toml" ]; then cp "$fixture/reachlint.toml" "$seeds/config/$fixture.toml"; fi

  # parameters: the parameter files the fixtures name
  for f in "$fixture"/params.json "$fixture"/pipeline-config.json; do
    if [ -f "$f" ]; then cp "$f" "$seeds/parameters/$fixture--$(basename "$f")"; fi
  done
done

# The foreign inputs the test suite reads (tests/third-party: cfn-lint's templates, Batfish's AWS
# snapshots, copied from ../shared/corpus) and the accounts and parameter files of the real
# corpus's cases (tests/corpus/real; its public templates are not in the repository, and no seed
# or corpus file may be made from them). They hold resources and intrinsic functions no fixture
# has (NAT gateways, network interfaces, VPN gateways, Fn::Transform, deep Fn::Sub).
cd "$root/tests"
seed_name() { printf '%s' "${1#./}" | tr '/' '_'; }
# templates: each alone (a YAML file as a bundle of one, keeping its name); JSON ones for
# intrinsics too.
while IFS= read -r -d '' f; do
  case $f in
    *.yaml | *.yml) bundle_add "$seeds/template/$(seed_name "$f")" "$(basename "$f")" "$f" ;;
    *)
      cp "$f" "$seeds/template/$(seed_name "$f")"
      if is_template "$f"; then cp "$f" "$seeds/intrinsics/$(seed_name "$f")"; fi ;;
  esac
done < <(find third-party/cfn-lint -type f \( -name '*.json' -o -name '*.yaml' \
           -o -name '*.yml' -o -name '*.template' \) ! -path '*/export/*' ! -path '*/parameters/*' \
           ! -path '*/expected/*' ! -path '*.snapshot/*' -print0 | sort -z)
# exports: each snapshot whole (names as under its root: accounts/<id>/<region>/ where Batfish
# has them) and each file alone.
while IFS= read -r -d '' dir; do
  while IFS= read -r -d '' f; do
    bundle_add "$seeds/export/$(seed_name "$dir")" "${f#"$dir"/}" "$f"
    bundle_add "$seeds/export/$(seed_name "$f")" "$(basename "$f")" "$f"
  done < <(find "$dir" -type f -name '*.json' -print0 | sort -z)
done < <(find corpus/real third-party/batfish -type d \( -name export -o -name aws_configs \) -print0 | sort -z)
cp corpus/real/parameters/*.json "$seeds/parameters/"
cd "$root/fixtures"

# cidr: every address and prefix written in the fixtures, eight a seed.
grep -rhoE '"[0-9]{1,3}(\.[0-9]{1,3}){3}(/[0-9]{1,2})?"' --include='*.json' --include='*.toml' . |
  tr -d '"' | sort -u | split -l 8 - "$seeds/cidr/fixtures-"
# The hand-made seeds, fuzz/seeds/<harness>/ (fuzz/seeds/terraform-src/ holds the .tf a plan
# seed was made from; see docs/fuzzing.md "Seeds").
for h in template export intrinsics cidr config cli parameters terraform; do
  if [ -d "$root/fuzz/seeds/$h" ]; then cp "$root/fuzz/seeds/$h"/* "$seeds/$h/"; fi
done
# The hand-made plans with the configuration they were made from (syntax.tf: what the .tf block
# scanner must skip: comments, heredocs, nested interpolations).
for src in "$root"/fuzz/seeds/terraform-src/*/; do
  name=$(basename "$src")
  bundle_add "$seeds/terraform/$name--tf" "$name/plan.json" "$root/fuzz/seeds/terraform/$name.json"
  for f in "$src"*.tf; do bundle_add "$seeds/terraform/$name--tf" "$name/$(basename "$f")" "$f"; done
done

# Dictionaries: the hand-written ones, plus the string literals the readers compare keys with.
literals() {  # FILE... -> dictionary lines
  grep -ohE '"[A-Za-z][A-Za-z0-9:._-]{1,48}"' "$@" | sort -u
}
cp "$root/fuzz/dict/json.dict" "$out/dict/template.dict"
# The readers and the key tables of every ingest room (cloudformation/, account/, common/).
literals "$root"/linter/ingest/*/*.cpp "$root"/linter/ingest/*/*.h >>"$out/dict/template.dict"
cp "$out/dict/template.dict" "$out/dict/export.dict"
cp "$out/dict/template.dict" "$out/dict/intrinsics.dict"
cp "$out/dict/template.dict" "$out/dict/terraform.dict"
cp "$root/fuzz/dict/cidr.dict" "$out/dict/cidr.dict"
cp "$root/fuzz/dict/toml.dict" "$out/dict/config.dict"
cp "$root/fuzz/dict/cli.dict" "$out/dict/cli.dict"
{ cat "$root/fuzz/dict/json.dict"; printf '"ParameterKey"\n"ParameterValue"\n"Parameters"\n"Tags"\n"StackPolicy"\n"FsxVpcId"\n"FsxSubnetIds"\n"FsxRouteTableIds"\n"ClientCidr"\n"ThroughputCapacity"\n"vpc-"\n"subnet-"\n"rtb-"\n'; } >"$out/dict/parameters.dict"

for h in template export intrinsics cidr config cli parameters terraform; do
  printf '%-11s %4d seeds\n' "$h" "$(find "$seeds/$h" -type f | wc -l)"
done

#!/usr/bin/env bash
# What bench/run and bench/soak share: tools and the release build, generated data, the server's memory,
# log-ins, the writers and the Lua scripts of the write requests. Sourced, not run.
duration="${BENCH_SECONDS:-5}"
students="${BENCH_STUDENTS:-10000}"
port="${BENCH_PORT:-3300}"
pg_server="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
pg_name="campus_bench_$$"
out="$root/target/bench"
mkdir -p "$out"
for tool in wrk nginx sqlite3; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
    { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
done
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  scripts/setup
  cargo leptos build --release --split
fi
export CAMPUS_BIN="${CARGO_TARGET_DIR:-$root/target}/release/campus"
export LEPTOS_SITE_ROOT="$root/target/site" CAMPUS_JWT_SECRET="bench-secret-bench-secret-bench-secret" RUST_LOG=warn
# The benchmark measures capacity, not the flood limits: its students all come from one address and
# comment far faster than a person.
export CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR=1000000 CAMPUS_COMMENTS_PER_MINUTE=1000000
export CAMPUS_SIGNUPS_PER_ADDRESS_PER_MINUTE=1000000 CAMPUS_SIGNUP_BURST_PER_ADDRESS=1000000
export CAMPUS_IMAGES_PER_HOUR=1000000
# A log-in counts as a failure of its address until its password checks out, so 64 at once from one address
# met the per-address limit (30) and were refused: the benchmark's address is every student's.
export CAMPUS_LOGIN_MAX_FAILURES_PER_ADDRESS=1000000
"$CAMPUS_BIN" precompress
# Generated students all share this password (src/server/operator.rs).
password="bench-pass-1"
# Students who write comments and 공감 during the benchmark: new accounts, so none likes their own post.
writers=64

work="$(mktemp -d)"
# The photo of the upload measurement: 1,600 x 1,200 pixels of textured colour, decoded, shrunk and
# re-encoded like any upload (about 1.5 MB as PNG).
python3 - "$work/photo.png" <<'PY'
import struct, sys, zlib
width, height = 1600, 1200
raw = bytearray()
for y in range(height):
    raw.append(0)
    for x in range(width):
        v = ((x * 7 + y * 3) ^ ((x * y) >> 5)) & 0xFF
        raw += bytes((v, (v + y) & 0xFF, 255 - v))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
pids=()
cleanup() {
  [ "${#pids[@]}" -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # URL
  for _ in $(seq 1 300); do curl -sf "$1/health" >/dev/null && return 0; sleep 0.1; done
  echo "no answer from $1" >&2
  exit 1
}

# The peak resident memory (VmHWM) of the app server processes, in MB: the largest of them.
peak_rss() {
  local peak=0 kb pid
  for pid in $(pgrep -f "^$CAMPUS_BIN\$" || true); do
    kb="$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)"
    [ "${kb:-0}" -gt "$peak" ] && peak="$kb"
  done
  echo $((peak / 1024))
}

# access_cookie BASE USERNAME: logs in and prints the access token.
access_cookie() {
  curl -s -D - -o /dev/null -X POST "$1/api/auth/login" --data-urlencode "username=$2" \
    --data-urlencode "password=$password" | sed -nE 's/^set-cookie: campus_access=([^;]+).*/\1/ip'
}

# lua_list NAME VALUES...: a Lua array literal assignment.
lua_list() {
  local name="$1"; shift
  printf '%s = {' "$name"
  printf '"%s",' "$@"
  printf '}\n'
}

# Writes the Lua scripts for the POST measurements. Each wrk thread numbers its own requests; thread t of n
# takes every n-th item, so no two requests of a run repeat a (student, post) pair for 공감.
write_scripts() { # BASE_POST_FOR_LIKES
  local common="$work/common.lua"
  {
    echo 'local threads = 0'
    echo 'setup = function(thread) thread:set("tid", threads); threads = threads + 1 end'
    echo 'count = 0'
    lua_list cookies "${writer_cookies[@]}"
    lua_list usernames "${login_names[@]}"
    echo 'form = function(path, body, cookie)'
    echo '  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept-Encoding"] = "br, gzip" }'
    echo '  if cookie then headers["Cookie"] = "campus_access=" .. cookie end'
    echo '  return wrk.format("POST", path, headers, body)'
    echo 'end'
  } > "$common"
  cat "$common" - > "$work/login.lua" <<'EOF'
request = function()
  count = count + 1
  local name = usernames[(count * 2 + tid) % #usernames + 1]
  return form("/api/auth/login", "username=" .. name .. "&password=bench-pass-1")
end
EOF
  cat "$common" - > "$work/comment.lua" <<EOF
request = function()
  count = count + 1
  local post = $newest_post - (count * 7 + tid) % 1000
  local anonymous = (count % 2 == 0) and "&anonymous=on" or ""
  return form("/api/comments/write", "post_id=" .. post .. "&body=%EB%B2%A4%EC%B9%98%EB%A7%88%ED%81%AC+%EB%8C%93%EA%B8%80" .. anonymous,
    cookies[count % #cookies + 1])
end
EOF
  cat "$common" - > "$work/like.lua" <<EOF
request = function()
  local student = count % #cookies
  local round = math.floor(count / #cookies)
  count = count + 1
  return form("/api/posts/like", "post_id=" .. ($1 - round * 2 - tid), cookies[student + 1])
end
EOF
  # Each upload is a writer's (a student may have 30 photos waiting for a post: 64 writers take ~1,900).
  cat "$common" - > "$work/upload.lua" <<EOF
local file = io.open("$work/photo.png", "rb")
local photo = file:read("*a")
file:close()
request = function()
  count = count + 1
  local headers = { ["Content-Type"] = "image/png", ["Cookie"] = "campus_access=" .. cookies[(count * 2 + tid) % #cookies + 1] }
  return wrk.format("POST", "/images", headers, photo)
end
EOF
  cat "$common" - > "$work/catalogue.lua" <<'EOF'
request = function()
  return form("/api/courses/search", "q=%EA%B0%9C%EB%A1%A0", reader)
end
EOF
  sed -i "1i reader = \"$reader_cookie\"" "$work/catalogue.lua"
}

# seed_database DB POSTS COMMENTS: a fresh database (sqlite or postgres) with generated data; sets
# DATABASE_URL, sql(), and the ids the measurements use: board, busy (the post with 300 comments), reader
# (a generated student), cursor (board page 500), newest_post and like_base.
seed_database() {
  local db="$1" posts="$2" comments="$3"
  case "$db" in
    sqlite)
      rm -f "$work"/bench.db*
      export DATABASE_URL="sqlite://$work/bench.db"
      sql() { sqlite3 "$work/bench.db" "$1"; }
      ;;
    postgres)
      psql "$pg_server/postgres" -qc "DROP DATABASE IF EXISTS $pg_name" -c "CREATE DATABASE $pg_name" >/dev/null
      export DATABASE_URL="$pg_server/$pg_name"
      sql() { psql "$DATABASE_URL" -Atqc "$1"; }
      ;;
  esac
  echo "[bench] $db: generating $students students, $posts posts, $comments comments"
  local seeded
  seeded="$("$CAMPUS_BIN" seed "$students" "$posts" "$comments" | tail -n 1)"
  echo "[bench] $seeded"
  if [ "$db" = postgres ]; then sql "ANALYZE" >/dev/null; fi
  board="$(sed -E 's/.*board_id=([0-9]+).*/\1/' <<<"$seeded")"
  busy="$(sed -E 's/.*busy_post_id=([0-9]+).*/\1/' <<<"$seeded")"
  reader="$(sed -E 's/.*username=([^ ]+).*/\1/' <<<"$seeded")"
  # Page 500 starts after the 9,980th post of the board (on a smaller board, its last page).
  cursor="$(sql "SELECT id FROM posts WHERE board_id = $board AND deleted_at IS NULL ORDER BY id DESC LIMIT 1 OFFSET 9979")"
  [ -n "$cursor" ] || cursor="$(sql "SELECT MIN(id) + 20 FROM posts WHERE board_id = $board")"
  newest_post="$(sql "SELECT MAX(id) FROM posts")"
  # 공감 walks down from the newest post, 2,500 posts per run (far more than a run of a few seconds uses).
  like_base="$newest_post"
}

drop_database() { # DB
  if [ "$1" = postgres ]; then psql "$pg_server/postgres" -qc "DROP DATABASE IF EXISTS $pg_name" >/dev/null; fi
}

# Logs in the reader, signs up the writers, gives the reader a timetable of five courses, pinned boards and a
# busy 실시간 인기 list.
prepare() {
  reader_cookie="$(access_cookie "$base" "$reader")"
  [ -n "$reader_cookie" ] || { echo "log-in failed" >&2; exit 1; }
  # The writers join the reader's school (the generated one), in its first department.
  local school department
  school="$(curl -sf -X POST -H "Cookie: campus_access=$reader_cookie" "$base/api/me" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["school_id"])')"
  department="$(curl -sf -X POST "$base/api/schools" | python3 -c '
import json, sys
print(next(d["id"] for d in json.load(sys.stdin)["departments"] if d["school_id"] == int(sys.argv[1])))' "$school")"
  writer_cookies=()
  local n tag="w$RANDOM"
  for n in $(seq 1 "$writers"); do
    writer_cookies+=("$(curl -s -D - -o /dev/null -X POST "$base/api/auth/signup" \
      --data-urlencode "username=${tag}_$n" --data-urlencode "password=$password" \
      --data-urlencode "password_confirm=$password" \
      --data-urlencode "nickname=${tag}_$n" --data "school_id=$school&department_id=$department&admission_year=2024" |
      sed -nE 's/^set-cookie: campus_access=([^;]+).*/\1/ip')")
  done
  login_names=()
  for n in $(seq 0 63); do login_names+=("${reader%_0}_$n"); done
  post() { curl -sf -X POST -H "Cookie: campus_access=$reader_cookie" --data "$2" "$base$1"; }
  local semester timetable ids id added=0
  semester="$(post /api/timetables/mine "" | python3 -c 'import json,sys; print(json.load(sys.stdin)["semester"])')"
  timetable="$(post /api/timetables/create "semester=$semester&name=bench$RANDOM")"
  ids="$(post /api/courses/search "sort=code" | python3 -c 'import json,sys; print(" ".join(str(c["id"]) for c in json.load(sys.stdin)["courses"]))')"
  for id in $ids; do
    [ "$added" -lt 5 ] || break
    post /api/timetables/add-course "timetable_id=$timetable&course_id=$id" >/dev/null 2>&1 && added=$((added + 1))
  done
  # The home as a student who uses it reads every section: four pinned boards (즐겨찾는 게시판), and a
  # 실시간 인기 score on the newest 2,000 posts, as if each had been liked within the hour.
  for id in $(post /api/boards "" | python3 -c 'import json,sys; print(" ".join(str(b["id"]) for b in json.load(sys.stdin)[:4]))'); do
    post /api/boards/pin "board_id=$id&pinned=true" >/dev/null
  done
  local hour=$(($(date +%s) / 3600))
  sql "UPDATE posts SET heat = 32, heat_hour = $hour, heat_rank = $hour * 64 + 320 + id % 64 WHERE id > $newest_post - 2000" >/dev/null
  write_scripts "$like_base"
  # A post of the reader's with one photo, for the photo read.
  local uploaded
  uploaded="$(curl -sf -X POST -H "Cookie: campus_access=$reader_cookie" -H "Content-Type: image/png" \
    --data-binary "@$work/photo.png" "$base/images")"
  photo_key="$(python3 -c 'import json, sys; k = json.load(sys.stdin)["key"]; print("%s-%s" % (k["id"], k["digest"]))' <<<"$uploaded")"
  post /api/posts/write "board_id=$board&title=bench-photo-$RANDOM&body=photo&images=${photo_key%%-*}" >/dev/null
}


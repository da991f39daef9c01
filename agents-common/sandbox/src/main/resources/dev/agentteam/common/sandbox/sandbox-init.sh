# Runs as root of the sandbox's user namespace, inside its own mount, network and PID namespaces.
# Arguments: <run root> <setpriv> <visible paths, colon-separated> <command…>
# Builds a minimal root file system: the visible paths read-only, a private /dev, /proc, /tmp, /run,
# and the run directory as /tmp/sandbox. Nothing else of the host is reachable (no source trees, no
# unix sockets such as /run/postgresql/.s.PGSQL.5432, which would get around the empty network
# namespace). Then every capability is dropped so the command cannot undo any of it.
set -eu
run_root=$1
setpriv=$2
visible=$3
shift 3
command_path=$PATH
PATH=/usr/sbin:/usr/bin:/sbin:/bin

exec 9<"$run_root"
mount -t tmpfs -o mode=0755,size=16m tmpfs /tmp
cd /tmp
# Every step below that is not a shell builtin starts a process, and on a busy machine each costs milliseconds:
# the directories are made in one mkdir, the symlinked visible paths copied as links in one cp, and the mount
# options edited by the shell, not sed (docs/benchmarks.md, sandbox fixed overhead).
dirs="proc:dev:run:tmp/sandbox:var/tmp:.oldroot"
links=""
IFS=:
for d in $visible; do
  [ -e "$d" ] || continue
  if [ ! -L "$d" ]; then
    dirs="$dirs:.$d"
  elif [ -z "${d%/*}" ]; then
    links="${links:+$links:}$d"
  else
    mkdir -p ".${d%/*}"
    ln -s "$(readlink "$d")" ".$d"
  fi
done
mkdir -p $dirs
# a top-level visible path that is a symlink (/bin -> usr/bin) is recreated as the same link, never followed
[ -z "$links" ] || cp -P $links .
for d in $visible; do
  [ -e "$d" ] && [ ! -L "$d" ] || continue
  mount --rbind "$d" ".$d"
done
# Read-only all the way down: the recursive bind brought every mount below a visible path along, and remounting
# only the top one would leave those writable. Every mount at or below each bound path is made read-only; one that
# cannot be stops the sandbox (fail closed). The table is read whole before the first remount.
remount=""
while IFS=' ' read -r _ _ _ _ point options _; do
  for d in $visible; do
    case "$point" in
      "/tmp$d"|"/tmp$d"/*)
        # Keep the mount's own flags (nosuid, nodev, atime…): a user namespace may add read-only but not clear them.
        kept=",$options,"
        case "$kept" in *,rw,*) kept="${kept%%,rw,*},${kept#*,rw,}" ;; esac
        kept=${kept#,}
        kept=${kept%,}
        remount="$remount$point $kept
"
        break ;;
    esac
  done
done </proc/self/mountinfo
set -f
IFS='
'
for entry in $remount; do
  kept=${entry#* }
  mount -o "remount,bind,ro${kept:+,$kept}" "${entry%% *}"
done
set +f
unset IFS

chmod 1777 tmp var/tmp
mount -t proc proc proc
mount -t tmpfs -o mode=0755,size=1m tmpfs dev
touch dev/null dev/zero dev/full dev/random dev/urandom dev/tty
for n in null zero full random urandom tty; do
  mount --bind "/dev/$n" "dev/$n"
done
ln -s /proc/self/fd dev/fd
ln -s /proc/self/fd/0 dev/stdin
ln -s /proc/self/fd/1 dev/stdout
ln -s /proc/self/fd/2 dev/stderr
mkdir dev/shm
mount -t tmpfs -o mode=1777,size=64m tmpfs dev/shm
mount --bind /proc/self/fd/9 tmp/sandbox
exec 9<&-

pivot_root . .oldroot
umount -l /.oldroot
rmdir /.oldroot
cd /tmp/sandbox/work
export PATH="$command_path"
exec "$setpriv" --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"

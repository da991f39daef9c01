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
IFS=:
for d in $visible; do
  [ -e "$d" ] || continue
  if [ -L "$d" ]; then
    mkdir -p ".${d%/*}"
    ln -s "$(readlink "$d")" ".$d"
  else
    mkdir -p ".$d"
    mount --rbind "$d" ".$d"
  fi
done
unset IFS
# Read-only all the way down: the recursive bind brought every mount below a visible path along, and remounting
# only the top one would leave those writable. Every mount at or below each bound path is made read-only; one that
# cannot be stops the sandbox (fail closed).
mounts=$(cat /proc/self/mountinfo)
IFS=:
for d in $visible; do
  [ -e "$d" ] && [ ! -L "$d" ] || continue
  printf '%s\n' "$mounts" | while IFS=' ' read -r _ _ _ _ point options _; do
    # Keep the mount's own flags (nosuid, nodev, atime…): a user namespace may add read-only but not clear them.
    case "$point" in
      "/tmp$d"|"/tmp$d"/*)
        kept=$(printf '%s' "$options" | sed 's/\(^\|,\)rw\(,\|$\)/\1/; s/,$//')
        mount -o "remount,bind,ro${kept:+,$kept}" "$point" ;;
    esac
  done
done
unset IFS

mkdir -p proc dev run tmp/sandbox var/tmp
chmod 1777 tmp var/tmp
mount -t proc proc proc
mount -t tmpfs -o mode=0755,size=1m tmpfs dev
for n in null zero full random urandom tty; do
  touch "dev/$n"
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

mkdir .oldroot
pivot_root . .oldroot
umount -l /.oldroot
rmdir /.oldroot
cd /tmp/sandbox/work
export PATH="$command_path"
exec "$setpriv" --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"

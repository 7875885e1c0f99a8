#!/usr/bin/env bash
# The services' base image, made without Docker and without a registry: a JRE cut to the modules the services use
# (jlink from the build's JDK 21+), the few glibc files the JVM links against (from this machine, Debian 12), a
# non-root user 10001 and a writable /tmp. Written as a `docker save` archive, which Jib reads as the base image
# (quarkus.jib.base-jvm-image=tar://…). About 70 MB; made again only when the JDK changes.
#
#   deploy/images/base-image.sh OUT.tar
set -euo pipefail
out=$1
[ -n "${JAVA_HOME:-}" ] || { echo "base-image: set JAVA_HOME to a JDK 21+" >&2; exit 1; }

# the services' modules (jdeps over the four fast-jars, plus what is loaded reflectively: JMX for Micrometer,
# JFR for profiling, the naming and security providers the drivers and Kafka's SASL use; java.desktop for the
# reporting PDF's fonts and colours, used headless)
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.cryptoki,\
jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root/opt/java" "$root/lib/x86_64-linux-gnu" "$root/lib64" "$root/etc" "$root/tmp" "$root/app"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$root/opt/java/jre"
# the desktop module's X11 toolkit is never loaded headless; nor is sound: leaving them out leaves out the X11 and ALSA libraries
rm -f "$root"/opt/java/jre/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so

# what the JVM's own libraries link against, and the loader; libgcc_s for thread cancellation
libs=$( (find "$root/opt/java/jre" -name '*.so' -exec ldd {} \; ; ldd "$root/opt/java/jre/bin/java") 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u)
for lib in $libs /lib/x86_64-linux-gnu/libgcc_s.so.1; do
  case $lib in "$root"/*) continue ;; esac
  cp -L "$lib" "$root/lib/x86_64-linux-gnu/"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
ln -s /lib64/ld-linux-x86-64.so.2 "$root/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
# the JVM must start from these files alone
"$root/lib64/ld-linux-x86-64.so.2" --library-path "$root/lib/x86_64-linux-gnu" "$root/opt/java/jre/bin/java" -version \
  >/dev/null 2>&1 || { echo "base-image: the cut JRE does not start" >&2; exit 1; }

printf 'root:x:0:0:root:/root:/sbin/nologin\nrefnet:x:10001:10001:RefNet service:/app:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nrefnet:x:10001:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"

# one layer, the same bytes for the same inputs (sorted names, fixed times and owners)
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$work/layer.tar" -C "$root" .
layer_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"10001:10001","WorkingDir":"/app",
   "Env":["PATH=/opt/java/jre/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/jre","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh (jlink $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | tr -d '"'))"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["refnet/jre-base:latest"],"Layers":["layer.tar"]}]\n' > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$out.tmp" -C "$work" manifest.json config.json layer.tar
mv "$out.tmp" "$out"
echo "base image $out ($(du -h "$out" | cut -f1))"

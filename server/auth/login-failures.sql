-- Recent failed logins for a username (since its last success) and from an address, within the lock window ($3 seconds).
SELECT
  (SELECT count(*) FROM login_attempts a
   WHERE a.username = $1 AND NOT a.success AND a.at > now() - make_interval(secs => $3)
     AND a.at > COALESCE((SELECT max(b.at) FROM login_attempts b WHERE b.username = $1 AND b.success), '-infinity'))::int AS by_user,
  (SELECT count(*) FROM login_attempts a
   WHERE a.ip = $2 AND NOT a.success AND a.at > now() - make_interval(secs => $3))::int AS by_ip

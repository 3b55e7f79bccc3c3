package io.edxstack.platform;

/**
 * edxstack's own init steps, as constant shell: the database and user of the platform's MySQL (Tutor's passes the
 * root password on the command line), the Meilisearch API key from its derived uid, and the optional superuser.
 * Values arrive through the environment (credentials from Secrets), never by formatting them into the script. The
 * LMS, CMS and plugin steps are Tutor's own rendered tasks (see InitJobs).
 */
final class InitScripts {
    /** Database and user of the platform; the password goes in on standard input, not the command line. */
    static final String MYSQL = """
            set -e
            mysql --host="$MYSQL_HOST" --port="$MYSQL_PORT" --user=root <<SQL
            CREATE DATABASE IF NOT EXISTS openedx;
            CREATE USER IF NOT EXISTS 'openedx'@'%' IDENTIFIED BY '$OPENEDX_MYSQL_PASSWORD';
            ALTER USER 'openedx'@'%' IDENTIFIED BY '$OPENEDX_MYSQL_PASSWORD';
            GRANT ALL ON openedx.* TO 'openedx'@'%';
            SQL
            """;

    /** Meilisearch computes the key from its uid and the master key, so the settings know it already. */
    static final String MEILISEARCH = """
            set -e
            python - <<'PY'
            import os
            import meilisearch
            client = meilisearch.Client(os.environ["MEILISEARCH_URL"], os.environ["MEILISEARCH_MASTER_KEY"])
            uid = os.environ["MEILISEARCH_API_KEY_UID"]
            try:
                client.get_key(uid)
            except meilisearch.errors.MeilisearchApiError:
                client.create_key({"uid": uid, "name": "openedx", "description": "Open edX (edxstack)",
                                   "actions": ["*"], "indexes": [os.environ["MEILISEARCH_INDEX_PREFIX"] + "*"],
                                   "expiresAt": None})
            PY
            """;

    static final String ADMIN = """
            set -e
            ./manage.py lms manage_user --superuser --staff "$ADMIN_USERNAME" "$ADMIN_EMAIL"
            ./manage.py lms shell -c "import os
            from django.contrib.auth import get_user_model
            user = get_user_model().objects.get(username=os.environ['ADMIN_USERNAME'])
            user.set_password(os.environ['ADMIN_PASSWORD'])
            user.save()"
            """;

    private InitScripts() {
    }
}

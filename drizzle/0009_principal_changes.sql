-- App instances keep the principals behind session tokens in memory (core/auth/principal-cache).
-- Every change that can end or alter one is announced here, whichever code or person made it, so
-- each instance forgets that user's cached sessions when the change commits.
-- The trigger's argument names the column holding the user's id; a TRUNCATE concerns everyone ('*').
CREATE OR REPLACE FUNCTION announce_principal_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('khidmat_principal_changes', CASE WHEN TG_OP = 'TRUNCATE' THEN '*' ELSE to_jsonb(OLD) ->> TG_ARGV[0] END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER sessions_announce_change
  AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION announce_principal_change('user_id');
--> statement-breakpoint
-- Only the columns a principal is made of (and that end it); a failed log-in count is not news.
CREATE TRIGGER users_announce_change
  AFTER UPDATE ON users
  FOR EACH ROW
  WHEN ((OLD.role, OLD.opd_id, OLD.full_name, OLD.password_change_required, OLD.deleted_at, OLD.deactivated_at)
    IS DISTINCT FROM (NEW.role, NEW.opd_id, NEW.full_name, NEW.password_change_required, NEW.deleted_at, NEW.deactivated_at))
  EXECUTE FUNCTION announce_principal_change('id');
--> statement-breakpoint
CREATE TRIGGER sessions_announce_truncate
  AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION announce_principal_change();
--> statement-breakpoint
CREATE TRIGGER users_announce_truncate
  AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION announce_principal_change();

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "audit_chain" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sealedThroughId" BIGINT NOT NULL DEFAULT 0,
    "lastHash" TEXT NOT NULL DEFAULT '',
    "anchorHash" TEXT NOT NULL DEFAULT '',
    "prunedThroughId" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_chain_pkey" PRIMARY KEY ("id")
);

-- The one row of the chain's state.
INSERT INTO "audit_chain" ("id") VALUES (1) ON CONFLICT DO NOTHING;

-- Hand-written: the logbook stays append-only, with two exceptions the chain needs. Sealing may set a row's
-- prevHash and hash once (from null, every other field unchanged); pruning may delete sealed rows, and only in a
-- transaction that says so (SET LOCAL casusbot.audit_prune = 'on', src/audit/chain.ts). Anyone who gets round this
-- (the table's owner can disable the trigger) is caught by the chain: `logboek controleren`.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."hash" IS NULL AND OLD."prevHash" IS NULL
     AND NEW."hash" IS NOT NULL AND NEW."prevHash" IS NOT NULL
     AND (to_jsonb(NEW) - 'hash' - 'prevHash') = (to_jsonb(OLD) - 'hash' - 'prevHash') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND OLD."hash" IS NOT NULL
     AND current_setting('casusbot.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

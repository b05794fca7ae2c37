-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "caseId" UUID,
ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'ok',
ADD COLUMN     "traceId" TEXT;

-- CreateIndex
CREATE INDEX "audit_event_caseId_id_idx" ON "audit_event"("caseId", "id");

-- CreateIndex
CREATE INDEX "audit_event_actorAadObjectId_at_idx" ON "audit_event"("actorAadObjectId", "at");

-- Hand-written: events written before this migration about a case belong to it. The logbook is append-only;
-- this one backfill of a new column is the only change it ever gets, with its guard off for that statement.
ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_no_update_or_delete";
UPDATE "audit_event" SET "caseId" = "recordId"::uuid
 WHERE "recordType" = 'case' AND "recordId" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_no_update_or_delete";

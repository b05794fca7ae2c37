-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('planned', 'moved', 'cancelled', 'extra', 'held');

-- CreateEnum
CREATE TYPE "AgendaReason" AS ENUM ('newCase', 'backOnAgenda', 'returnFromShadowList', 'overdueActions');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('pending', 'running', 'sending', 'done', 'failed', 'missed', 'uncertain', 'cancelled');

-- DropIndex
DROP INDEX "case_record_tableId_firstSessionAt_idx";

-- AlterTable
ALTER TABLE "conference_table" ADD COLUMN     "agendaLeadHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "chairMemberId" UUID,
ADD COLUMN     "channelConversationId" TEXT,
ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "minutesPerCase" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "sessionMinutes" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "case_record" ADD COLUMN     "firstSessionId" UUID;

-- CreateTable
CREATE TABLE "conference_session" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "occurrenceAt" TIMESTAMPTZ(3),
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "SessionStatus" NOT NULL,
    "agendaPublishedAt" TIMESTAMPTZ(3),
    "agendaConversationId" TEXT,
    "agendaActivityId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conference_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_item" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reason" "AgendaReason" NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheduled_job" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "state" "JobState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scheduled_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "conference_session_tableId_startsAt_idx" ON "conference_session"("tableId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "conference_session_tableId_occurrenceAt_key" ON "conference_session"("tableId", "occurrenceAt");

-- CreateIndex
CREATE INDEX "agenda_item_caseId_idx" ON "agenda_item"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_item_sessionId_caseId_key" ON "agenda_item"("sessionId", "caseId");

-- CreateIndex
CREATE INDEX "scheduled_job_state_dueAt_idx" ON "scheduled_job"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "scheduled_job_kind_subjectId_key" ON "scheduled_job"("kind", "subjectId");

-- CreateIndex
CREATE INDEX "case_record_firstSessionId_idx" ON "case_record"("firstSessionId");

-- Data: a table's capacity becomes its length at the default 15 minutes per case.
UPDATE "conference_table" SET "sessionMinutes" = "capacity" * 15, "minutesPerCase" = 15;
ALTER TABLE "conference_table" DROP COLUMN "capacity";

-- Data: the meetings that accepted cases were booked on become session rows (they were occurrences
-- of the rhythm), and each such case becomes a "new case" item on that session's agenda.
INSERT INTO "conference_session" ("id", "tableId", "occurrenceAt", "startsAt", "status")
SELECT gen_random_uuid(), b."tableId", b."firstSessionAt", b."firstSessionAt", 'planned'
FROM (SELECT DISTINCT "tableId", "firstSessionAt" FROM "case_record"
      WHERE "tableId" IS NOT NULL AND "firstSessionAt" IS NOT NULL) b;
UPDATE "case_record" c SET "firstSessionId" = s."id"
FROM "conference_session" s
WHERE s."tableId" = c."tableId" AND s."occurrenceAt" = c."firstSessionAt";
INSERT INTO "agenda_item" ("id", "sessionId", "caseId", "reason", "position")
SELECT gen_random_uuid(), c."firstSessionId", c."id", 'newCase',
       ROW_NUMBER() OVER (PARTITION BY c."firstSessionId" ORDER BY c."decidedAt", c."id")::int
FROM "case_record" c
WHERE c."firstSessionId" IS NOT NULL AND c."status" = 'accepted';
ALTER TABLE "case_record" DROP COLUMN "firstSessionAt";

-- AddForeignKey
ALTER TABLE "conference_table" ADD CONSTRAINT "conference_table_chairMemberId_fkey" FOREIGN KEY ("chairMemberId") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conference_session" ADD CONSTRAINT "conference_session_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "conference_table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "conference_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_firstSessionId_fkey" FOREIGN KEY ("firstSessionId") REFERENCES "conference_session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('goalReached', 'goalPartlyReached', 'goalNotReached', 'transferred', 'other');

-- CreateEnum
CREATE TYPE "RegieKind" AS ENUM ('progress', 'backOnAgenda', 'shadowList', 'pulledBack', 'returned', 'closed', 'directorChanged');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('shadowList', 'closure');

-- CreateEnum
CREATE TYPE "GoalAnswer" AS ENUM ('yes', 'partly', 'no');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseStatus" ADD VALUE 'shadowList';
ALTER TYPE "CaseStatus" ADD VALUE 'closed';

-- AlterTable
ALTER TABLE "case_record" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "closureNote" TEXT,
ADD COLUMN     "directorMemberId" UUID,
ADD COLUMN     "evaluationRemindedAt" TIMESTAMPTZ(3),
ADD COLUMN     "outcome" "CaseOutcome",
ADD COLUMN     "shadowListedAt" TIMESTAMPTZ(3),
ADD COLUMN     "shadowReturnDate" DATE;

-- CreateTable
CREATE TABLE "regie_update" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "RegieKind" NOT NULL,
    "authorMemberId" UUID,
    "organisationId" UUID,
    "text" TEXT,
    "submissionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "regie_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_proposal" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "outcome" "CaseOutcome",
    "note" TEXT,
    "proposedByMemberId" UUID NOT NULL,
    "approved" BOOLEAN,
    "decidedByMemberId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation" (
    "caseId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "goalReached" "GoalAnswer" NOT NULL,
    "cooperation" INTEGER NOT NULL,
    "wentWell" TEXT,
    "couldBeBetter" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("caseId","organisationId")
);

-- CreateTable
CREATE TABLE "case_fact" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "intakeMonth" TEXT,
    "acceptedMonth" TEXT,
    "firstDiscussionMonth" TEXT,
    "closedMonth" TEXT,
    "deletedMonth" TEXT NOT NULL,
    "screeningOutcome" TEXT,
    "screeningWorkingDays" INTEGER,
    "daysToFirstDiscussion" INTEGER,
    "lifeDomains" TEXT[],
    "chains" TEXT[],
    "referrerOrganisationId" UUID,
    "responsibleOrganisationId" UUID,
    "involvedOrganisationIds" TEXT[],
    "tableId" UUID,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "actions" INTEGER NOT NULL DEFAULT 0,
    "actionsDoneOnTime" INTEGER NOT NULL DEFAULT 0,
    "wasOnShadowList" BOOLEAN NOT NULL DEFAULT false,
    "outcome" "CaseOutcome",
    "evaluationScores" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deleted_case" (
    "reference" TEXT NOT NULL,
    "caseId" UUID NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deleted_case_pkey" PRIMARY KEY ("reference")
);

-- CreateIndex
CREATE UNIQUE INDEX "regie_update_submissionId_key" ON "regie_update"("submissionId");

-- CreateIndex
CREATE INDEX "regie_update_caseId_createdAt_idx" ON "regie_update"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "case_proposal_caseId_idx" ON "case_proposal"("caseId");

-- CreateIndex
CREATE INDEX "case_fact_closedMonth_idx" ON "case_fact"("closedMonth");

-- CreateIndex
CREATE INDEX "case_fact_intakeMonth_idx" ON "case_fact"("intakeMonth");

-- CreateIndex
CREATE UNIQUE INDEX "deleted_case_caseId_key" ON "deleted_case"("caseId");

-- CreateIndex
CREATE INDEX "case_record_directorMemberId_idx" ON "case_record"("directorMemberId");

-- CreateIndex
CREATE INDEX "case_record_status_closedAt_idx" ON "case_record"("status", "closedAt");

-- CreateIndex
CREATE INDEX "case_record_status_decidedAt_idx" ON "case_record"("status", "decidedAt");

-- CreateIndex
CREATE INDEX "case_record_status_updatedAt_idx" ON "case_record"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_directorMemberId_fkey" FOREIGN KEY ("directorMemberId") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regie_update" ADD CONSTRAINT "regie_update_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regie_update" ADD CONSTRAINT "regie_update_authorMemberId_fkey" FOREIGN KEY ("authorMemberId") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regie_update" ADD CONSTRAINT "regie_update_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_proposal" ADD CONSTRAINT "case_proposal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_proposal" ADD CONSTRAINT "case_proposal_proposedByMemberId_fkey" FOREIGN KEY ("proposedByMemberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_proposal" ADD CONSTRAINT "case_proposal_decidedByMemberId_fkey" FOREIGN KEY ("decidedByMemberId") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the casusregisseur of cases decided before this migration is the one their decision in force named.
UPDATE "case_record" c
   SET "directorMemberId" = d."directorMemberId"
  FROM "decision" d
 WHERE d."caseId" = c.id
   AND NOT EXISTS (SELECT 1 FROM "decision" s WHERE s."supersedesId" = d.id)
   AND d."createdAt" = (SELECT max(x."createdAt") FROM "decision" x WHERE x."caseId" = c.id AND NOT EXISTS (SELECT 1 FROM "decision" y WHERE y."supersedesId" = x.id));

-- Hand-written: at most one open proposal per case.
CREATE UNIQUE INDEX "case_proposal_open_key" ON "case_proposal" ("caseId") WHERE "decidedAt" IS NULL;

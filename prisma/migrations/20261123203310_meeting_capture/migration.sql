-- CreateEnum
CREATE TYPE "ItemState" AS ENUM ('waiting', 'active', 'decided', 'deferred');

-- CreateEnum
CREATE TYPE "NextStep" AS ENUM ('backOnAgenda', 'regieFollowUp', 'shadowList', 'closure');

-- CreateEnum
CREATE TYPE "ActionState" AS ENUM ('open', 'claimed', 'done', 'cancelled');

-- AlterTable
ALTER TABLE "conference_table" ADD COLUMN     "teamsMeetingId" TEXT;

-- AlterTable
ALTER TABLE "conference_session" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "openedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "agenda_item" ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "startedAt" TIMESTAMPTZ(3),
ADD COLUMN     "state" "ItemState" NOT NULL DEFAULT 'waiting';

-- CreateTable
CREATE TABLE "contribution" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "agendaItemId" UUID,
    "organisationId" UUID NOT NULL,
    "authorMemberId" UUID NOT NULL,
    "lifeDomain" TEXT,
    "text" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "submissionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "intervention" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "agendaItemId" UUID,
    "organisationId" UUID NOT NULL,
    "authorMemberId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "submissionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "agendaItemId" UUID,
    "goal" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "directorMemberId" UUID NOT NULL,
    "nextStep" "NextStep" NOT NULL,
    "nextDate" DATE,
    "supersedesId" UUID,
    "correctionReason" TEXT,
    "submissionId" TEXT,
    "decidedByMemberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_action" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "state" "ActionState" NOT NULL DEFAULT 'open',
    "claimedByMemberId" UUID,
    "claimedAt" TIMESTAMPTZ(3),
    "result" TEXT,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "agendaItemId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("agendaItemId","organisationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "contribution_submissionId_key" ON "contribution"("submissionId");

-- CreateIndex
CREATE INDEX "contribution_caseId_idx" ON "contribution"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "intervention_submissionId_key" ON "intervention"("submissionId");

-- CreateIndex
CREATE INDEX "intervention_caseId_idx" ON "intervention"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "decision_supersedesId_key" ON "decision"("supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "decision_submissionId_key" ON "decision"("submissionId");

-- CreateIndex
CREATE INDEX "decision_caseId_idx" ON "decision"("caseId");

-- CreateIndex
CREATE INDEX "case_action_caseId_idx" ON "case_action"("caseId");

-- CreateIndex
CREATE INDEX "case_action_organisationId_state_idx" ON "case_action"("organisationId", "state");

-- CreateIndex
CREATE INDEX "case_action_claimedByMemberId_state_idx" ON "case_action"("claimedByMemberId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "conference_table_teamsMeetingId_key" ON "conference_table"("teamsMeetingId");

-- AddForeignKey
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_authorMemberId_fkey" FOREIGN KEY ("authorMemberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_authorMemberId_fkey" FOREIGN KEY ("authorMemberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_directorMemberId_fkey" FOREIGN KEY ("directorMemberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_decidedByMemberId_fkey" FOREIGN KEY ("decidedByMemberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_action" ADD CONSTRAINT "case_action_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_action" ADD CONSTRAINT "case_action_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_action" ADD CONSTRAINT "case_action_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_action" ADD CONSTRAINT "case_action_claimedByMemberId_fkey" FOREIGN KEY ("claimedByMemberId") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

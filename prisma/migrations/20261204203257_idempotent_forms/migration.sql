-- AlterTable
ALTER TABLE "conference_table" ADD COLUMN     "submissionId" TEXT;

-- AlterTable
ALTER TABLE "conference_session" ADD COLUMN     "submissionId" TEXT;

-- AlterTable
ALTER TABLE "case_record" ADD COLUMN     "submissionId" TEXT;

-- AlterTable
ALTER TABLE "handover" ADD COLUMN     "submissionId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "conference_table_submissionId_key" ON "conference_table"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "conference_session_submissionId_key" ON "conference_session"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "case_record_submissionId_key" ON "case_record"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "handover_submissionId_key" ON "handover"("submissionId");

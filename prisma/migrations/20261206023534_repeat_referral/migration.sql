-- AlterTable
ALTER TABLE "case_record" ADD COLUMN     "repeatReferral" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "case_fact" ADD COLUMN     "repeatReferral" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "case_person_bsn_idx" ON "case_person"("bsn");

-- CreateIndex
CREATE INDEX "case_person_birthDate_idx" ON "case_person"("birthDate");

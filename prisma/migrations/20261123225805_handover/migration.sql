-- CreateEnum
CREATE TYPE "HandoverChoice" AS ENUM ('include', 'keepBack', 'contactDirectly');

-- CreateTable
CREATE TABLE "handover" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "targetTableId" UUID,
    "targetName" TEXT NOT NULL,
    "necessity" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "registeringOrganisationId" UUID NOT NULL,
    "informerMemberId" UUID,
    "createdByMemberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "handover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handover_item" (
    "handoverId" UUID NOT NULL,
    "contributionId" UUID NOT NULL,
    "choice" "HandoverChoice" NOT NULL,
    "consent" "ConsentState",
    "answeredByMemberId" UUID,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "handover_item_pkey" PRIMARY KEY ("handoverId","contributionId")
);

-- CreateIndex
CREATE INDEX "handover_caseId_idx" ON "handover"("caseId");

-- AddForeignKey
ALTER TABLE "handover" ADD CONSTRAINT "handover_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handover_item" ADD CONSTRAINT "handover_item_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handover_item" ADD CONSTRAINT "handover_item_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

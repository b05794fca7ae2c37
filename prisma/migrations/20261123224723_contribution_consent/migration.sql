-- CreateEnum
CREATE TYPE "ConsentState" AS ENUM ('requested', 'granted', 'grantedWithCondition', 'refused', 'withdrawn');

-- CreateTable
CREATE TABLE "contribution_consent" (
    "id" UUID NOT NULL,
    "contributionId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "requestedByMemberId" UUID NOT NULL,
    "state" "ConsentState" NOT NULL DEFAULT 'requested',
    "condition" TEXT,
    "answeredByMemberId" UUID,
    "answeredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contribution_consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "contribution_consent_contributionId_organisationId_key" ON "contribution_consent"("contributionId", "organisationId");

-- AddForeignKey
ALTER TABLE "contribution_consent" ADD CONSTRAINT "contribution_consent_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "member" ADD COLUMN     "occasional" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "confidentiality_statement" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdByMemberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "confidentiality_statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "confidentiality_acceptance" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "confidentiality_acceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "confidentiality_statement_version_key" ON "confidentiality_statement"("version");

-- CreateIndex
CREATE UNIQUE INDEX "confidentiality_acceptance_memberId_statementId_key" ON "confidentiality_acceptance"("memberId", "statementId");

-- AddForeignKey
ALTER TABLE "confidentiality_statement" ADD CONSTRAINT "confidentiality_statement_createdByMemberId_fkey" FOREIGN KEY ("createdByMemberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confidentiality_acceptance" ADD CONSTRAINT "confidentiality_acceptance_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confidentiality_acceptance" ADD CONSTRAINT "confidentiality_acceptance_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "confidentiality_statement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

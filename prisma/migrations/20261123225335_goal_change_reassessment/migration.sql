-- CreateEnum
CREATE TYPE "ReassessmentState" AS ENUM ('pending', 'kept', 'withdrawn');

-- AlterTable
ALTER TABLE "contribution" ADD COLUMN     "reassessedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reassessedByMemberId" UUID,
ADD COLUMN     "reassessment" "ReassessmentState",
ADD COLUMN     "reassessmentDecisionId" UUID;

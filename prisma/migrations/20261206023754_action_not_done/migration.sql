-- CreateEnum
CREATE TYPE "ActionCloseReason" AS ENUM ('failed', 'changed', 'skipped');

-- AlterEnum
ALTER TYPE "ActionState" ADD VALUE 'notDone';

-- AlterTable
ALTER TABLE "case_action" ADD COLUMN     "closeExplanation" TEXT,
ADD COLUMN     "closeReason" "ActionCloseReason";

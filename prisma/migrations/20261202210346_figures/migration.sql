-- AlterEnum
ALTER TYPE "MemberRole" ADD VALUE 'steeringGroupMember';

-- AlterTable
ALTER TABLE "case_fact" ADD COLUMN     "actionFacts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "attendance" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "daysToClosure" INTEGER,
ADD COLUMN     "daysToInformed" INTEGER,
ADD COLUMN     "deletedLateDays" INTEGER,
ADD COLUMN     "screenedMonth" TEXT,
ADD COLUMN     "shadowListSpells" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "steering_group_channel" (
    "id" TEXT NOT NULL DEFAULT 'network',
    "conversationId" TEXT NOT NULL,
    "linkedByMemberId" UUID NOT NULL,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "steering_group_channel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_fact_deletedMonth_idx" ON "case_fact"("deletedMonth");

-- AlterTable
ALTER TABLE "case_record" ADD COLUMN     "informedOn" DATE,
ADD COLUMN     "informerMemberId" UUID,
ADD COLUMN     "notInformedReason" TEXT;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_informerMemberId_fkey" FOREIGN KEY ("informerMemberId") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

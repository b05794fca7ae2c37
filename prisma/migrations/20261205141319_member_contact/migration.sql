-- AlterTable
ALTER TABLE "member" ADD COLUMN     "email" TEXT,
ADD COLUMN     "phone" TEXT;

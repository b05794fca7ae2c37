-- AlterTable
ALTER TABLE "deleted_case" ADD COLUMN     "organisationIds" UUID[] DEFAULT ARRAY[]::UUID[];

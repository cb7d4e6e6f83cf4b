import { RegisterForm } from "@/components/catalog/register/register-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Register entities" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Register entities"
        description="Paste catalog YAML or point at a catalog-info.yaml URL. Analyse first to see what would be imported and every problem; valid entities are imported even when others are invalid."
      />
      <RegisterForm />
    </>
  );
}

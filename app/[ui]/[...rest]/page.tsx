import { notFound } from 'next/navigation';

/** Any address that matches no page: the 404 page, inside the site's layout. */
export default function UnknownPage() {
  notFound();
}
